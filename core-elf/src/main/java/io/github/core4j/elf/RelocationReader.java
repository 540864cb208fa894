package io.github.core4j.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Decodes {@code SHT_REL} and {@code SHT_RELA} sections, checking every entry. */
final class RelocationReader {
  private RelocationReader() {}

  static List<ElfRelocation> read(ElfFile elf, ElfSection rel) {
    boolean rela = rel.type() == SectionType.RELA.value();
    if (!rela && rel.type() != SectionType.REL.value()) {
      throw new ElfFormatException(
          elf.source(), rel.describe(), -1, "is " + rel.sectionType() + ", not SHT_REL/SHT_RELA");
    }
    int entrySize = rela ? ElfRelocation.RELA_SIZE : ElfRelocation.REL_SIZE;
    ElfSymbolTable cached = elf.symbolTable().orElse(null);
    ElfSymbolTable symbols =
        rel.link() != 0
            ? (cached != null && cached.section().index() == rel.link()
                ? cached
                : elf.symbolTable(elf.section(rel.link())))
            : elf.symbolTable()
                .orElseThrow(
                    () ->
                        new ElfFormatException(
                            elf.source(),
                            rel.describe(),
                            -1,
                            "has no linked symbol table (sh_link 0) and the file has none"));
    ElfSection target = rel.info() != 0 ? elf.section(rel.info()) : null;
    boolean relocatable = elf.header().elfType() == ElfType.REL;
    ByteBuffer data = elf.data(rel);
    int count = data.limit() / entrySize;
    List<ElfRelocation> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = i * entrySize;
      long offset = data.getLong(at);
      long info = data.getLong(at + 8);
      long addend = rela ? data.getLong(at + 16) : 0;
      long symIndex = info >>> 32;
      int type = (int) info;
      long fileOffset = rel.offset() + at;
      if (symIndex >= symbols.size()) {
        throw new ElfFormatException(
            elf.source(),
            rel.describe(),
            fileOffset,
            "relocation "
                + i
                + " refers to symbol "
                + symIndex
                + ", but "
                + symbols.section().describe()
                + " has "
                + symbols.size()
                + " entries");
      }
      if (relocatable && target != null && (offset < 0 || offset >= target.size())) {
        throw new ElfFormatException(
            elf.source(),
            rel.describe(),
            fileOffset,
            "relocation "
                + i
                + " has offset "
                + Long.toUnsignedString(offset)
                + ", outside its target "
                + target.describe()
                + " ("
                + target.size()
                + " bytes)");
      }
      out.add(new ElfRelocation(offset, type, symbols.symbol((int) symIndex), addend));
    }
    return Collections.unmodifiableList(out);
  }
}
