package io.github.core4j.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ELF64 file of either byte order: a BPF object, a kernel module or vmlinux. The header and
 * section table are read and validated when the file is opened; section contents, symbols and
 * relocations are read from the underlying buffer only when asked for, so opening a 300 MB vmlinux
 * touches a few pages.
 *
 * <p>Every section's contents lie within the file, string tables are bounded, and symbol and
 * relocation tables have sane entry sizes and links; anything else is reported as {@link
 * ElfFormatException}.
 */
public final class ElfFile {
  private final String source;
  private final ByteBuffer buf;
  private final ElfHeader header;
  private final List<ElfSection> sections;
  private volatile @Nullable ElfSymbolTable symbolTable;

  ElfFile(String source, ByteBuffer buf, ElfHeader header, List<ElfSection> sections) {
    this.source = source;
    this.buf = buf;
    this.header = header;
    this.sections = sections;
  }

  /**
   * Memory-maps {@code path} (never copying it into the heap) and parses it. Files of 2 GiB or more
   * are refused.
   */
  public static ElfFile open(Path path) {
    return parse(MappedFiles.map(path), path.toString());
  }

  /** Parses the buffer's remaining bytes without copying them. */
  public static ElfFile parse(ByteBuffer bytes, String source) {
    return ElfParser.parse(bytes, source);
  }

  /** Parses {@code bytes}. */
  public static ElfFile parse(byte[] bytes, String source) {
    return ElfParser.parse(ByteBuffer.wrap(bytes), source);
  }

  /** Whether {@code head} starts with the ELF magic. */
  public static boolean isElf(ByteBuffer head) {
    return head.remaining() >= 4
        && head.get(head.position()) == 0x7f
        && head.get(head.position() + 1) == 'E'
        && head.get(head.position() + 2) == 'L'
        && head.get(head.position() + 3) == 'F';
  }

  /** Where the bytes came from, as used in error messages. */
  public String source() {
    return source;
  }

  /** The file header. */
  public ElfHeader header() {
    return header;
  }

  /** The byte order of every multi-byte field (and of BPF instructions in the file). */
  public ByteOrder byteOrder() {
    return header.byteOrder();
  }

  /** All section headers in index order, including the null section 0. */
  public List<ElfSection> sections() {
    return sections;
  }

  /** The section at {@code index}; {@code ElfFormatException} when there is none. */
  public ElfSection section(int index) {
    if (index < 0 || index >= sections.size()) {
      throw new ElfFormatException(
          source,
          -1,
          "section index "
              + Integer.toUnsignedString(index)
              + " is out of range (the file has "
              + sections.size()
              + " sections)");
    }
    return sections.get(index);
  }

  /** The first section named {@code name}. */
  public Optional<ElfSection> section(String name) {
    for (ElfSection s : sections) {
      if (s.index() != 0 && s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The contents of {@code section} as a read-only view in the file's byte order (position 0, limit
   * = size); empty for {@code SHT_NOBITS} and {@code SHT_NULL}.
   */
  public ByteBuffer data(ElfSection section) {
    ElfSection own = section(section.index());
    if (!own.hasFileData() || own.size() == 0) {
      return ByteBuffer.allocate(0).order(byteOrder()).asReadOnlyBuffer();
    }
    return buf.slice((int) own.offset(), (int) own.size())
        .order(byteOrder())
        .asReadOnlyBuffer()
        .order(byteOrder());
  }

  /** The whole file as a read-only view in its byte order. */
  public ByteBuffer bytes() {
    return buf.duplicate().clear().asReadOnlyBuffer().order(byteOrder());
  }

  /** The static symbol table ({@code SHT_SYMTAB}); stripped files (vmlinux) have none. */
  public Optional<ElfSymbolTable> symbolTable() {
    ElfSymbolTable table = symbolTable;
    if (table == null) {
      for (ElfSection s : sections) {
        if (s.type() == SectionType.SYMTAB.value()) {
          table = symbolTable(s);
          symbolTable = table;
          break;
        }
      }
    }
    return Optional.ofNullable(table);
  }

  /** The symbol table in {@code section} ({@code SHT_SYMTAB} or {@code SHT_DYNSYM}). */
  public ElfSymbolTable symbolTable(ElfSection section) {
    ElfSection s = section(section.index());
    if (s.type() != SectionType.SYMTAB.value() && s.type() != SectionType.DYNSYM.value()) {
      throw new ElfFormatException(
          source, s.describe(), -1, "is " + s.sectionType() + ", not a symbol table");
    }
    ElfSection strtab = section(s.link());
    @Nullable ByteBuffer shndx = null;
    for (ElfSection x : sections) {
      if (x.type() == SectionType.SYMTAB_SHNDX.value() && x.link() == s.index()) {
        shndx = data(x);
      }
    }
    return new ElfSymbolTable(
        source, s, data(s), new StringTable(source, strtab, data(strtab)), shndx);
  }

  /** The symbols defined in {@code section}, ordered by value (empty without a symbol table). */
  public List<ElfSymbol> symbolsIn(ElfSection section) {
    return symbolTable().map(t -> t.inSection(section.index())).orElse(List.of());
  }

  /** The {@code SHT_REL} and {@code SHT_RELA} sections, in index order. */
  public List<ElfSection> relocationSections() {
    List<ElfSection> found = new ArrayList<>();
    for (ElfSection s : sections) {
      if (s.type() == SectionType.REL.value() || s.type() == SectionType.RELA.value()) {
        found.add(s);
      }
    }
    return Collections.unmodifiableList(found);
  }

  /** The relocation sections that apply to {@code target} (their {@code sh_info}). */
  public List<ElfSection> relocationSectionsFor(ElfSection target) {
    List<ElfSection> found = new ArrayList<>();
    for (ElfSection s : relocationSections()) {
      if (s.info() == target.index()) {
        found.add(s);
      }
    }
    return Collections.unmodifiableList(found);
  }

  /**
   * The entries of relocation section {@code relSection}, symbols resolved; each offset is checked
   * to lie within the target section.
   */
  public List<ElfRelocation> relocations(ElfSection relSection) {
    return RelocationReader.read(this, section(relSection.index()));
  }

  /** Every relocation that applies to {@code target}, from all its relocation sections. */
  public List<ElfRelocation> relocationsFor(ElfSection target) {
    List<ElfRelocation> all = new ArrayList<>();
    for (ElfSection rel : relocationSectionsFor(target)) {
      all.addAll(relocations(rel));
    }
    return Collections.unmodifiableList(all);
  }

  @Override
  public String toString() {
    return "ElfFile[" + source + ", " + header.elfMachine() + ", " + sections.size() + " sections]";
  }
}
