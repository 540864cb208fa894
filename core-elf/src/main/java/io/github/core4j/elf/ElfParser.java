package io.github.core4j.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads and validates the ELF64 header and section header table: every offset, size and count is
 * checked against the bytes present before it is used, so that the rest of the reader can trust the
 * section table.
 */
final class ElfParser {
  private static final int EI_NIDENT = 16;
  private static final int ELFCLASS32 = 1;
  private static final int ELFCLASS64 = 2;
  private static final int SHN_LORESERVE = 0xff00;
  private static final int SHN_XINDEX = 0xffff;

  private final String source;
  private final ByteBuffer buf;
  private final long length;

  private ElfParser(String source, ByteBuffer buf) {
    this.source = source;
    this.buf = buf;
    this.length = buf.limit();
  }

  static ElfFile parse(ByteBuffer bytes, String source) {
    ByteBuffer buf = bytes.slice();
    ElfParser parser = new ElfParser(source, buf);
    ElfHeader header = parser.header();
    buf.order(header.byteOrder());
    List<ElfSection> sections = parser.sections(header);
    return new ElfFile(source, buf, header, sections);
  }

  private ElfHeader header() {
    if (length < 4
        || buf.get(0) != 0x7f
        || buf.get(1) != 'E'
        || buf.get(2) != 'L'
        || buf.get(3) != 'F') {
      throw new ElfFormatException(
          source, 0, "not an ELF file: expected the magic 7f 45 4c 46 (\"\\x7fELF\")");
    }
    if (length < EI_NIDENT) {
      throw new ElfFormatException(
          source, 0, "truncated ELF identification: " + length + " bytes, need 16");
    }
    int elfClass = buf.get(4) & 0xff;
    if (elfClass == ELFCLASS32) {
      throw new ElfFormatException(
          source, 4, "ELF32 (EI_CLASS 1) is not supported: core4j reads ELF64 files only");
    }
    if (elfClass != ELFCLASS64) {
      throw new ElfFormatException(
          source, 4, "bad EI_CLASS " + elfClass + ": expected 2 (ELFCLASS64)");
    }
    int data = buf.get(5) & 0xff;
    ByteOrder order;
    if (data == 1) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else if (data == 2) {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      throw new ElfFormatException(
          source, 5, "bad EI_DATA " + data + ": expected 1 (little endian) or 2 (big endian)");
    }
    if (buf.get(6) != 1) {
      throw new ElfFormatException(
          source, 6, "bad EI_VERSION " + (buf.get(6) & 0xff) + ": expected 1");
    }
    if (length < ElfHeader.SIZE) {
      throw new ElfFormatException(
          source,
          0,
          "truncated ELF header: the file has " + length + " bytes, an ELF64 header needs 64");
    }
    buf.order(order);
    int osAbi = buf.get(7) & 0xff;
    int type = u16(16);
    int machine = u16(18);
    int version = buf.getInt(20);
    long entry = buf.getLong(24);
    long phoff = buf.getLong(32);
    long shoff = buf.getLong(40);
    int flags = buf.getInt(48);
    int ehsize = u16(52);
    int phentsize = u16(54);
    int phnum = u16(56);
    int shentsize = u16(58);
    int shnum = u16(60);
    int shstrndx = u16(62);

    if (shoff != 0 && shentsize != ElfSection.HEADER_SIZE) {
      throw new ElfFormatException(
          source, 58, "e_shentsize is " + shentsize + ", expected 64 for ELF64 section headers");
    }
    if (shoff == 0) {
      shnum = 0;
      shstrndx = 0;
    } else {
      checkTable(shoff, 1, "the section header table (e_shoff)", 40);
      // Extended numbering: section 0 holds the real count and name-table index.
      if (shnum == 0) {
        long realCount = buf.getLong((int) shoff + 32);
        if (realCount < 0 || realCount > Integer.MAX_VALUE) {
          throw new ElfFormatException(
              source,
              shoff + 32,
              "section 0's sh_size gives " + Long.toUnsignedString(realCount) + " sections");
        }
        shnum = (int) realCount;
      }
      if (shstrndx == SHN_XINDEX) {
        shstrndx = buf.getInt((int) shoff + 40);
      }
      checkTable(shoff, shnum, "the section header table (e_shoff, e_shnum)", 40);
    }
    return new ElfHeader(
        order, osAbi, type, machine, version, entry, phoff, shoff, flags, ehsize, phentsize, phnum,
        shentsize, shnum, shstrndx);
  }

  private void checkTable(long shoff, long count, String what, long fieldOffset) {
    long size = count * ElfSection.HEADER_SIZE;
    if (shoff < 0 || shoff > length || size > length - shoff) {
      throw new ElfFormatException(
          source,
          fieldOffset,
          what
              + " spans "
              + Long.toUnsignedString(shoff)
              + ".."
              + (shoff < 0 ? "?" : Long.toString(shoff + size))
              + ", past the end of the file ("
              + length
              + " bytes)");
    }
  }

  private List<ElfSection> sections(ElfHeader h) {
    int shnum = h.shnum();
    if (shnum == 0) {
      return List.of();
    }
    if (h.shstrndx() != 0 && (h.shstrndx() < 0 || h.shstrndx() >= shnum)) {
      throw new ElfFormatException(
          source,
          62,
          "e_shstrndx is "
              + Integer.toUnsignedString(h.shstrndx())
              + ", but the file has only "
              + shnum
              + " sections");
    }
    long[] raw = new long[shnum * 10];
    for (int i = 0; i < shnum; i++) {
      int at = (int) h.shoff() + i * ElfSection.HEADER_SIZE;
      raw[i * 10] = Integer.toUnsignedLong(buf.getInt(at));
      raw[i * 10 + 1] = buf.getInt(at + 4);
      raw[i * 10 + 2] = buf.getLong(at + 8);
      raw[i * 10 + 3] = buf.getLong(at + 16);
      raw[i * 10 + 4] = buf.getLong(at + 24);
      raw[i * 10 + 5] = buf.getLong(at + 32);
      raw[i * 10 + 6] = buf.getInt(at + 40);
      raw[i * 10 + 7] = buf.getInt(at + 44);
      raw[i * 10 + 8] = buf.getLong(at + 48);
      raw[i * 10 + 9] = buf.getLong(at + 56);
      checkContents(i, raw, at);
    }
    StringTable names = null;
    if (h.shstrndx() != 0) {
      int s = h.shstrndx();
      ElfSection strtab = section(s, "", raw);
      if (strtab.type() != SectionType.STRTAB.value()) {
        throw new ElfFormatException(
            source,
            strtab.describe(),
            h.shoff() + (long) s * ElfSection.HEADER_SIZE,
            "e_shstrndx names a section of type "
                + Integer.toUnsignedString(strtab.type())
                + ", expected SHT_STRTAB (3)");
      }
      names = new StringTable(source, strtab, slice(strtab));
      // name the table itself, so that errors about names say where they looked
      String own = names.get(raw[s * 10], "the name of section " + s);
      names = new StringTable(source, section(s, own, raw), slice(strtab));
    }
    List<ElfSection> sections = new ArrayList<>(shnum);
    for (int i = 0; i < shnum; i++) {
      String name =
          names == null || i == 0 ? "" : names.get(raw[i * 10], "the name of section " + i);
      sections.add(section(i, name, raw));
    }
    checkOverlaps(h, sections);
    for (ElfSection s : sections) {
      checkLinks(h, s, sections);
    }
    return List.copyOf(sections);
  }

  private void checkContents(int i, long[] raw, int headerAt) {
    int type = (int) raw[i * 10 + 1];
    long offset = raw[i * 10 + 4];
    long size = raw[i * 10 + 5];
    if (type == SectionType.NOBITS.value() || type == SectionType.NULL.value() || size == 0) {
      return;
    }
    if (offset < 0 || offset > length || size < 0 || size > length - offset) {
      throw new ElfFormatException(
          source,
          "section " + i,
          headerAt + 24,
          "contents span "
              + Long.toUnsignedString(offset)
              + " + "
              + Long.toUnsignedString(size)
              + " bytes, past the end of the file ("
              + length
              + " bytes)");
    }
  }

  private ElfSection section(int i, String name, long[] raw) {
    int b = i * 10;
    return new ElfSection(
        i,
        name,
        (int) raw[b + 1],
        raw[b + 2],
        raw[b + 3],
        raw[b + 4],
        raw[b + 5],
        (int) raw[b + 6],
        (int) raw[b + 7],
        raw[b + 8],
        raw[b + 9]);
  }

  /** Sections with file contents must not overlap each other, the header or the header table. */
  private void checkOverlaps(ElfHeader h, List<ElfSection> sections) {
    List<ElfSection> present = new ArrayList<>();
    for (ElfSection s : sections) {
      if (s.hasFileData() && s.size() > 0) {
        present.add(s);
      }
    }
    long tableEnd = h.shoff() + (long) h.shnum() * ElfSection.HEADER_SIZE;
    for (ElfSection s : present) {
      long end = s.offset() + s.size();
      if (s.offset() < ElfHeader.SIZE) {
        throw overlap(s, "the ELF header (bytes 0..64)");
      }
      if (s.offset() < tableEnd && h.shoff() < end) {
        throw overlap(s, "the section header table (" + h.shoff() + ".." + tableEnd + ")");
      }
    }
    ElfSection[] sorted = present.toArray(new ElfSection[0]);
    Arrays.sort(sorted, Comparator.comparingLong(ElfSection::offset));
    for (int i = 1; i < sorted.length; i++) {
      ElfSection prev = sorted[i - 1];
      if (sorted[i].offset() < prev.offset() + prev.size()) {
        throw overlap(
            sorted[i],
            prev.describe() + " (" + prev.offset() + ".." + (prev.offset() + prev.size()) + ")");
      }
    }
  }

  private ElfFormatException overlap(ElfSection s, String other) {
    return new ElfFormatException(
        source, s.describe(), s.offset(), "contents (" + s.size() + " bytes) overlap " + other);
  }

  /** {@code sh_link}, {@code sh_info} and {@code sh_entsize} of tables must make sense. */
  private void checkLinks(ElfHeader h, ElfSection s, List<ElfSection> sections) {
    SectionType type = s.sectionType();
    switch (type) {
      case SYMTAB, DYNSYM -> {
        checkEntries(h, s, ElfSymbol.ENTRY_SIZE);
        linked(h, s, sections, "string table", SectionType.STRTAB);
      }
      case REL, RELA -> {
        checkEntries(
            h, s, type == SectionType.REL ? ElfRelocation.REL_SIZE : ElfRelocation.RELA_SIZE);
        if (s.link() != 0) {
          linked(h, s, sections, "symbol table", SectionType.SYMTAB, SectionType.DYNSYM);
        }
        if (h.elfType() == ElfType.REL
            && (Integer.toUnsignedLong(s.info()) >= sections.size() || s.info() == 0)) {
          throw new ElfFormatException(
              source,
              s.describe(),
              headerField(h, s, 44),
              "sh_info names section "
                  + Integer.toUnsignedString(s.info())
                  + " as the relocation target, but the file has sections 1.."
                  + (sections.size() - 1));
        }
      }
      case SYMTAB_SHNDX -> {
        checkEntries(h, s, 4);
        linked(h, s, sections, "symbol table", SectionType.SYMTAB);
      }
      default -> {}
    }
  }

  private void checkEntries(ElfHeader h, ElfSection s, int entrySize) {
    if (s.entsize() != entrySize) {
      throw new ElfFormatException(
          source,
          s.describe(),
          headerField(h, s, 56),
          "sh_entsize is "
              + Long.toUnsignedString(s.entsize())
              + ", expected "
              + entrySize
              + " for "
              + s.sectionType());
    }
    if (s.size() % entrySize != 0) {
      throw new ElfFormatException(
          source,
          s.describe(),
          headerField(h, s, 32),
          "sh_size " + s.size() + " is not a multiple of the entry size " + entrySize);
    }
  }

  private void linked(
      ElfHeader h, ElfSection s, List<ElfSection> sections, String what, SectionType... types) {
    long link = Integer.toUnsignedLong(s.link());
    if (link == 0 || link >= sections.size()) {
      throw new ElfFormatException(
          source,
          s.describe(),
          headerField(h, s, 40),
          "sh_link is "
              + link
              + ", expected the index of its "
              + what
              + " (1.."
              + (sections.size() - 1)
              + ")");
    }
    ElfSection target = sections.get((int) link);
    for (SectionType t : types) {
      if (target.type() == t.value()) {
        return;
      }
    }
    throw new ElfFormatException(
        source,
        s.describe(),
        headerField(h, s, 40),
        "sh_link names "
            + target.describe()
            + " of type "
            + target.sectionType()
            + ", expected its "
            + what
            + " ("
            + Arrays.toString(types)
            + ")");
  }

  private static long headerField(ElfHeader h, ElfSection s, int field) {
    return h.shoff() + (long) s.index() * ElfSection.HEADER_SIZE + field;
  }

  private ByteBuffer slice(ElfSection s) {
    if (!s.hasFileData() || s.size() == 0) {
      // an empty section's offset is never checked against the file, so never slice at it
      return ByteBuffer.allocate(0).order(buf.order());
    }
    return buf.slice((int) s.offset(), (int) s.size()).order(buf.order());
  }

  private int u16(int at) {
    return buf.getShort(at) & 0xffff;
  }

  static boolean isReserved(int sectionIndex) {
    return sectionIndex >= SHN_LORESERVE;
  }
}
