package io.github.core4j.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.bpf.BpfCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Input: a real BPF object ({@code maps_calls.v3.bpfel.o}, and its big-endian twin where byte order
 * matters) with one field broken. Expected: {@link ElfFormatException} naming the file, the section
 * and offset, and what was expected. Never an IndexOutOfBounds, never a hang.
 */
class HostileElfTest {
  static final Path LE = ElfTestdata.elf().resolve("obj/maps_calls.v3.bpfel.o");
  static final Path BE = ElfTestdata.elf().resolve("obj/maps_calls.v3.bpfeb.o");

  static ElfBytes le() {
    return new ElfBytes(LE);
  }

  static String fails(Executable e) {
    ElfFormatException ex = assertThrows(ElfFormatException.class, e);
    assertTrue(ex.getMessage().startsWith("mutated.o: "), ex.getMessage());
    return ex.getMessage();
  }

  static void contains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "«" + p + "» not in: " + message);
    }
  }

  @Test
  void notElf() {
    String m = fails(() -> ElfFile.parse("MZ\0\0 not an elf".getBytes(), "mutated.o"));
    assertEquals(
        "mutated.o: at offset 0 (0x0): not an ELF file: expected the magic 7f 45 4c 46"
            + " (\"\\x7fELF\")",
        m);
  }

  @Test
  void truncatedIdentification() {
    byte[] b = Arrays.copyOf(le().bytes, 10);
    contains(fails(() -> ElfFile.parse(b, "mutated.o")), "truncated ELF identification: 10 bytes");
  }

  @Test
  void truncatedHeader() {
    byte[] b = Arrays.copyOf(le().bytes, 40);
    contains(
        fails(() -> ElfFile.parse(b, "mutated.o")),
        "truncated ELF header: the file has 40 bytes, an ELF64 header needs 64");
  }

  @Test
  void elf32IsRejectedByName() {
    ElfBytes e = le().put(4, 1);
    contains(fails(e::parse), "at offset 4", "ELF32 (EI_CLASS 1) is not supported");
  }

  @Test
  void badByteOrder() {
    ElfBytes e = le().put(5, 7);
    contains(fails(e::parse), "at offset 5", "bad EI_DATA 7");
  }

  @Test
  void sectionHeaderTablePastTheEnd() {
    ElfBytes e = le();
    e.putLong(40, e.bytes.length - 10);
    contains(fails(e::parse), "at offset 40", "section header table", "past the end of the file");
  }

  @Test
  void sectionCountPastTheEnd() {
    ElfBytes e = le().putShort(60, 0xfff0);
    contains(fails(e::parse), "e_shnum", "past the end of the file");
  }

  @Test
  void wrongSectionHeaderSize() {
    ElfBytes e = le().putShort(58, 40);
    contains(fails(e::parse), "at offset 58", "e_shentsize is 40, expected 64");
  }

  @Test
  void shstrndxOutOfRange() {
    ElfBytes e = le().putShort(62, 200);
    contains(fails(e::parse), "at offset 62", "e_shstrndx is 200, but the file has only 36");
  }

  @Test
  void shstrndxNotAStringTable() {
    ElfBytes e = le();
    e.putShort(62, e.section(".text").index());
    contains(fails(e::parse), "e_shstrndx names a section of type 1, expected SHT_STRTAB (3)");
  }

  @Test
  void sectionContentsPastTheEnd() {
    ElfBytes e = le();
    ElfSection text = e.section(".text");
    e.putLong(e.header(text, 32), 0x7fff_ffff_ffff_0000L);
    contains(
        fails(e::parse),
        "section " + text.index(),
        "offset " + e.header(text, 24),
        "contents span",
        "past the end of the file (" + e.bytes.length + " bytes)");
  }

  @Test
  void sectionOffsetNegative() {
    ElfBytes e = le();
    ElfSection data = e.section(".data");
    e.putLong(e.header(data, 24), -1L);
    contains(fails(e::parse), "contents span 18446744073709551615 + 4 bytes");
  }

  @Test
  void overlappingSections() {
    ElfBytes e = le();
    ElfSection text = e.section(".text");
    ElfSection maps = e.section(".maps");
    e.putLong(e.header(maps, 24), text.offset() + 8);
    contains(fails(e::parse), "(.maps)", "overlap section " + text.index() + " (.text)");
  }

  @Test
  void sectionOverlapsTheElfHeader() {
    ElfBytes e = le();
    e.putLong(e.header(e.section(".data"), 24), 16);
    contains(fails(e::parse), "(.data)", "overlap the ELF header");
  }

  @Test
  void symbolTableWithBadLink() {
    ElfBytes e = le();
    ElfSection symtab = e.section(".symtab");
    e.putInt(e.header(symtab, 40), 999);
    contains(
        fails(e::parse),
        "section " + symtab.index() + " (.symtab)",
        "sh_link is 999, expected the index of its string table");
  }

  @Test
  void symbolTableLinkedToCode() {
    ElfBytes e = le();
    ElfSection symtab = e.section(".symtab");
    e.putInt(e.header(symtab, 40), e.section(".text").index());
    contains(fails(e::parse), "sh_link names section 2 (.text) of type PROGBITS");
  }

  @Test
  void relocationsLinkedToAStringTable() {
    ElfBytes e = le();
    ElfSection rel = e.section(".rel.text");
    e.putInt(e.header(rel, 40), e.section(".strtab").index());
    contains(fails(e::parse), "(.rel.text)", "expected its symbol table");
  }

  @Test
  void relocationTargetOutOfRange() {
    ElfBytes e = le();
    ElfSection rel = e.section(".rel.text");
    e.putInt(e.header(rel, 44), 77);
    contains(fails(e::parse), "(.rel.text)", "sh_info names section 77 as the relocation target");
  }

  @Test
  void symbolEntrySizeZero() {
    ElfBytes e = le();
    ElfSection symtab = e.section(".symtab");
    e.putLong(e.header(symtab, 56), 0);
    contains(fails(e::parse), "(.symtab)", "sh_entsize is 0, expected 24 for SYMTAB");
  }

  @Test
  void symbolTableSizeNotWholeEntries() {
    ElfBytes e = le();
    ElfSection symtab = e.section(".symtab");
    e.putLong(e.header(symtab, 32), symtab.size() - 5);
    contains(fails(e::parse), "is not a multiple of the entry size 24");
  }

  @Test
  void sectionNamePastTheStringTable() {
    ElfBytes e = le();
    e.putInt(e.header(e.section(".data"), 0), 100_000);
    contains(
        fails(e::parse),
        "(.strtab)",
        "the name of section",
        "has string offset 100000, past the end of the string table");
  }

  @Test
  void sectionNameWithoutNul() {
    ElfBytes e = le();
    ElfSection strtab = e.section(".strtab");
    int last = (int) (strtab.offset() + strtab.size() - 1);
    e.put(last, 'x');
    e.putInt(e.header(e.section(".data"), 0), (int) strtab.size() - 1);
    contains(fails(e::parse), "has no terminating NUL in the section");
  }

  @Test
  void symbolNamePastItsStringTable() {
    ElfBytes e = le();
    ElfSection symtab = e.section(".symtab");
    e.putInt((int) symtab.offset() + 5 * 24, 1 << 30);
    ElfFile elf = e.parse();
    contains(
        fails(() -> elf.symbolTable().orElseThrow().symbols()),
        "symbol 5 has string offset 1073741824");
  }

  @Test
  void symbolIndexOutOfRange() {
    ElfFile elf = le().parse();
    contains(
        fails(() -> elf.symbolTable().orElseThrow().symbol(51)),
        "(.symtab)",
        "symbol index 51 is out of range (the table has 51 entries)");
  }

  @Test
  void relocationToAMissingSymbol() {
    ElfBytes e = new ElfBytes(BE);
    ElfSection rel = e.section(".rel.text");
    e.putLong((int) rel.offset() + 8, (9999L << 32) | 1);
    ElfFile elf = e.parse();
    contains(
        fails(() -> elf.relocations(rel)),
        "(.rel.text) at offset " + rel.offset(),
        "relocation 0 refers to symbol 9999, but section 35 (.symtab) has 51 entries");
  }

  @Test
  void relocationOutsideItsTarget() {
    ElfBytes e = le();
    ElfSection rel = e.section(".rel.text");
    e.putLong((int) rel.offset(), 0x10_0000);
    ElfFile elf = e.parse();
    contains(
        fails(() -> elf.relocations(rel)),
        "relocation 0 has offset 1048576, outside its target section 2 (.text)");
  }

  @Test
  void codeThatIsNotWholeInstructions() {
    ElfBytes e = le();
    ElfSection text = e.section(".text");
    e.putLong(e.header(text, 32), text.size() - 3);
    ElfFile elf = e.parse();
    contains(
        fails(() -> BpfCode.decode(elf, elf.section(text.index()))),
        "(.text)",
        "not a whole number of 8-byte BPF instructions");
  }

  @Test
  void sectionIndexOutOfRange() {
    ElfFile elf = le().parse();
    contains(fails(() -> elf.section(36)), "section index 36 is out of range (the file has 36");
  }

  @Test
  void everySectionOfTheOriginalStillReads() {
    Consumer<ElfFile> readAll =
        elf -> {
          for (ElfSection s : elf.sections()) {
            elf.data(s);
          }
          elf.symbolTable().orElseThrow().symbols();
        };
    readAll.accept(ElfFile.open(LE));
    readAll.accept(ElfFile.open(BE));
  }
}
