package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.ext.BtfExtInfo;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.btf.source.Compression;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfFormatException;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.reloc.BtfTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What btfgen needs of a BPF object: its own BTF ({@code .BTF}) and its CO-RE relocation records
 * ({@code .BTF.ext}), read straight from the ELF sections. Immutable and safe to share between
 * threads, so one read serves every kernel of a batch.
 */
public final class ObjectBtf {
  private final String name;
  private final BtfTypes types;
  private final BtfExtInfo<CoreRelo> relocations;

  private ObjectBtf(String name, BtfTypes types, BtfExtInfo<CoreRelo> relocations) {
    this.name = name;
    this.types = types;
    this.relocations = relocations;
  }

  /**
   * An object whose BTF and CO-RE relocation records were read (or built) elsewhere; {@code name}
   * labels it in reports.
   */
  public static ObjectBtf of(String name, Btf btf, BtfExtInfo<CoreRelo> relocations) {
    return new ObjectBtf(name, BtfTypes.ofObject(btf.validate()), relocations);
  }

  /**
   * Reads the object at {@code path} (an ELF {@code .o}, possibly compressed with xz, gzip, zstd or
   * bzip2).
   *
   * @throws ElfFormatException when the file is not an ELF, or lacks {@code .BTF} or {@code
   *     .BTF.ext} (bpftool refuses such objects too: they were not compiled with {@code -g})
   */
  public static ObjectBtf read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ElfFormatException(path.toString(), -1, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (!ElfFile.isElf(ByteBuffer.wrap(bytes))) {
      bytes = Compression.inflate(bytes, path.toString());
    }
    return of(ElfFile.parse(bytes, path.toString()));
  }

  /** The BTF of an already parsed ELF object, named after its source. */
  public static ObjectBtf of(ElfFile elf) {
    ElfSection btfSection = required(elf, ".BTF");
    ElfSection extSection = required(elf, ".BTF.ext");
    Btf btf = Btf.parse(elf.data(btfSection), elf.source() + " (.BTF)");
    BtfExt ext = BtfExt.parse(elf.data(extSection), btf, elf.source() + " (.BTF.ext)");
    return of(elf.source(), btf, ext.coreRelos());
  }

  private static ElfSection required(ElfFile elf, String name) {
    return elf.section(name)
        .orElseThrow(
            () ->
                new ElfFormatException(
                    elf.source(),
                    -1,
                    "has no "
                        + name
                        + " section: CO-RE relocations need an object compiled with clang -g"));
  }

  /** The name the object was opened under (its file name, usually). */
  public String name() {
    return name;
  }

  /** The object's BTF. */
  public Btf btf() {
    return types.btf();
  }

  /** Relocation helpers over the object's BTF (pointer size 8, as libbpf fixes it). */
  public BtfTypes types() {
    return types;
  }

  /** The object's CO-RE relocation records, per ELF section, in {@code .BTF.ext} order. */
  public BtfExtInfo<CoreRelo> relocations() {
    return relocations;
  }

  @Override
  public String toString() {
    return name;
  }
}
