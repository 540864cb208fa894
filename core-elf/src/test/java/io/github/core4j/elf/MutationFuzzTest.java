package io.github.core4j.elf;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.elf.bpf.BpfCode;
import io.github.core4j.elf.bpf.ObjdumpListing;
import io.github.core4j.elf.kernel.KernelBtf;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.BpfObjectException;
import io.github.core4j.elf.object.Program;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: 2000 seeded random mutations of each testdata ELF (flipped bytes, header and section table
 * fields set to boundary values, truncation), including the BPF corpus of {@code testdata/bpf}.
 * Expected: reading everything from each mutant (sections, symbols, relocations, BTF, instructions,
 * the objdump listing, the whole {@link BpfObject} model) either works or throws {@link
 * ElfFormatException} (of which {@link BpfObjectException} is one) / {@link BtfFormatException};
 * nothing else escapes, and no file takes long.
 */
class MutationFuzzTest {
  static final int MUTATIONS = 2000;
  static final long SEED = 0x5eed_c04e_4a1fL;
  static final long[] BOUNDARY = {
    0,
    1,
    -1,
    7,
    8,
    24,
    64,
    0x7f,
    0xff,
    0xffff,
    0x7fff_ffff,
    0xffff_ffffL,
    Long.MAX_VALUE,
    Long.MIN_VALUE
  };

  static List<Path> files() {
    List<Path> all = new ArrayList<>(ElfTestdata.allElfFiles());
    all.addAll(ElfTestdata.bpfCorpus());
    return all;
  }

  private static volatile Btf kernelBase;

  static Btf base() {
    if (kernelBase == null) {
      kernelBase = BtfFiles.read(ElfTestdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    }
    return kernelBase;
  }

  @ParameterizedTest
  @MethodSource("files")
  void onlyFormatExceptionsEscape(Path file) throws IOException {
    byte[] original = Files.readAllBytes(file);
    boolean module = file.toString().endsWith(".ko");
    Btf base = module ? base() : null;
    ElfFile pristine = ElfFile.parse(original.clone(), "x");
    long shoff = pristine.header().shoff();
    ByteOrder order = pristine.byteOrder();
    Random random = new Random(SEED ^ file.getFileName().toString().hashCode());
    ByteBuffer pristineBtf =
        pristine.section(".BTF").map(pristine::data).orElse(ByteBuffer.allocate(0));
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutant = mutate(original, shoff, order, random);
            try {
              readEverything(mutant, base, pristineBtf);
            } catch (ElfFormatException | BtfFormatException expected) {
              // the documented outcome for bad input
            } catch (RuntimeException | Error e) {
              Path saved = Files.createTempFile("core4j-mutant-", ".o");
              Files.write(saved, mutant);
              fail(file.getFileName() + " mutation " + i + " (saved as " + saved + "): " + e, e);
            }
            try {
              if (!module) {
                openObject(mutant);
              }
            } catch (ElfFormatException | BtfFormatException expected) {
              // BpfObjectException is an ElfFormatException
            } catch (RuntimeException | Error e) {
              Path saved = Files.createTempFile("core4j-mutant-", ".o");
              Files.write(saved, mutant);
              fail(file.getFileName() + " mutation " + i + " (saved as " + saved + "): " + e, e);
            }
          }
        });
  }

  /** Reads all of a mutant; BTF is parsed only when the mutation reached it (it is slow). */
  static void readEverything(byte[] bytes, Btf base, ByteBuffer pristineBtf) {
    ElfFile elf = ElfFile.parse(bytes, "mutant");
    for (ElfSection s : elf.sections()) {
      ByteBuffer d = elf.data(s);
      if (d.limit() > 0) {
        d.get(d.limit() - 1);
      }
    }
    elf.symbolTable().ifPresent(t -> t.symbols());
    for (ElfSection s : elf.sections()) {
      elf.symbolsIn(s);
      elf.relocationsFor(s);
    }
    if (elf.section(".BTF").isPresent()
        && !elf.data(elf.section(".BTF").orElseThrow()).equals(pristineBtf)) {
      Btf btf = KernelBtf.fromElf(elf, base);
      for (int id = 1; id < btf.typeCount(); id++) {
        btf.type(id);
      }
    }
    if (elf.header().elfMachine() == ElfMachine.BPF) {
      for (ElfSection s : elf.sections()) {
        if (s.isExecutable() && s.size() % 8 == 0) {
          BpfCode.decode(elf, s);
        }
      }
      ObjdumpListing.render(elf, "mutant");
    }
  }

  /** Opens a mutant as a BPF object and walks what needs following references. */
  static void openObject(byte[] bytes) {
    BpfObject obj = BpfObject.open(bytes, "mutant.bpf.o");
    for (Program p : obj.programs()) {
      obj.subprogramsUsedBy(p);
      obj.structOpsMember(p);
    }
  }

  static byte[] mutate(byte[] original, long shoff, ByteOrder order, Random r) {
    byte[] b = original.clone();
    ByteBuffer buf = ByteBuffer.wrap(b).order(order);
    int kind = r.nextInt(6);
    switch (kind) {
      case 0 -> { // a few random bytes anywhere
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
      }
      case 1 -> { // the ELF header
        b[r.nextInt(64)] = (byte) r.nextInt(256);
      }
      case 2 -> { // a boundary value into a section header field
        int shnum = (int) Math.min((b.length - shoff) / 64, 0xffff);
        int at = (int) shoff + r.nextInt(Math.max(shnum, 1)) * 64;
        int[] fields8 = {8, 16, 24, 32, 48, 56};
        int[] fields4 = {0, 4, 40, 44};
        long v = BOUNDARY[r.nextInt(BOUNDARY.length)];
        if (r.nextBoolean()) {
          int f = fields8[r.nextInt(fields8.length)];
          if (at + f + 8 <= b.length) {
            buf.putLong(at + f, v == 8 ? b.length - r.nextInt(64) : v);
          }
        } else {
          int f = fields4[r.nextInt(fields4.length)];
          if (at + f + 4 <= b.length) {
            buf.putInt(at + f, (int) v);
          }
        }
      }
      case 3 -> { // random bytes in the section header table
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
          int at = (int) shoff + r.nextInt((int) Math.max(1, b.length - shoff));
          if (at < b.length) {
            b[at] = (byte) r.nextInt(256);
          }
        }
      }
      case 4 -> { // truncation
        return java.util.Arrays.copyOf(b, r.nextInt(b.length));
      }
      default -> { // a 4-byte boundary value at a random aligned spot (symbols, relocations, BTF)
        int at = r.nextInt(Math.max(1, b.length / 4 - 1)) * 4;
        buf.putInt(at, (int) BOUNDARY[r.nextInt(BOUNDARY.length)]);
      }
    }
    return b;
  }
}
