package io.github.core4j.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: every ELF of {@code testdata/elf} (BPF objects of both byte orders, x86-64 modules).
 * Oracle: {@code llvm-readelf-16 -h -S -s -r} committed in {@code expected/}. Ours: the header,
 * section table, symbol table and relocations as {@link ElfFile} reads them.
 */
class ReadelfMatchTest {

  static List<Path> files() {
    return ElfTestdata.allElfFiles();
  }

  @ParameterizedTest
  @MethodSource("files")
  void headerMatchesReadelf(Path file) {
    ElfFile elf = ElfFile.open(file);
    ReadelfOutput oracle = ReadelfOutput.parse(ElfTestdata.expected(file, "readelf"));
    ElfHeader h = elf.header();
    assertTrue(
        oracle.header().contains("Number of section headers:         " + h.shnum()),
        oracle.header().toString());
    assertTrue(oracle.header().contains("Section header string table index: " + h.shstrndx()));
    assertTrue(
        oracle
            .header()
            .contains("Start of section headers:          " + h.shoff() + " (bytes into file)"));
    assertTrue(
        oracle.header().contains("Type:                              REL (Relocatable file)"));
    String data = h.byteOrder().toString().equals("BIG_ENDIAN") ? "big" : "little";
    assertTrue(
        oracle
            .header()
            .contains("Data:                              2's complement, " + data + " endian"));
    String machine = h.elfMachine() == ElfMachine.BPF ? "EM_BPF" : "Advanced Micro Devices X86-64";
    assertTrue(oracle.header().contains("Machine:                           " + machine));
  }

  @ParameterizedTest
  @MethodSource("files")
  void sectionsMatchReadelf(Path file) {
    ElfFile elf = ElfFile.open(file);
    List<ReadelfOutput.Section> expected =
        ReadelfOutput.parse(ElfTestdata.expected(file, "readelf")).sections();
    List<ReadelfOutput.Section> ours = new ArrayList<>();
    for (ElfSection s : elf.sections()) {
      ours.add(
          new ReadelfOutput.Section(
              s.index(),
              s.name(),
              readelfType(s),
              s.addr(),
              s.offset(),
              s.size(),
              s.entsize(),
              readelfFlags(s.flags()),
              s.link(),
              s.info(),
              s.addralign()));
    }
    assertEquals(expected, ours);
  }

  @ParameterizedTest
  @MethodSource("files")
  void symbolsMatchReadelf(Path file) {
    ElfFile elf = ElfFile.open(file);
    List<ReadelfOutput.Symbol> expected =
        ReadelfOutput.parse(ElfTestdata.expected(file, "readelf")).symbols();
    List<ReadelfOutput.Symbol> ours = new ArrayList<>();
    for (ElfSymbol s : elf.symbolTable().orElseThrow().symbols()) {
      ours.add(
          new ReadelfOutput.Symbol(
              s.index(),
              s.value(),
              s.size(),
              s.type().name(),
              s.binding().name(),
              s.visibility().name(),
              ndx(s.sectionIndex()),
              // readelf shows a section symbol by its section's name
              s.type() == SymbolType.SECTION && s.name().isEmpty()
                  ? elf.section(s.sectionIndex()).name()
                  : s.name()));
    }
    assertEquals(expected, ours);
  }

  @ParameterizedTest
  @MethodSource("files")
  void relocationsMatchReadelf(Path file) {
    ElfFile elf = ElfFile.open(file);
    List<ReadelfOutput.Reloc> expected =
        ReadelfOutput.parse(ElfTestdata.expected(file, "readelf")).relocations();
    List<ReadelfOutput.Reloc> ours = new ArrayList<>();
    for (ElfSection rel : elf.relocationSections()) {
      for (ElfRelocation r : elf.relocations(rel)) {
        ElfSymbol sym = r.symbol();
        String name =
            sym.type() == SymbolType.SECTION ? elf.section(sym.sectionIndex()).name() : sym.name();
        ours.add(
            new ReadelfOutput.Reloc(
                rel.name(),
                r.offset(),
                ((long) r.symbolIndex() << 32) | (r.type() & 0xffffffffL),
                name,
                r.addend()));
      }
    }
    assertEquals(expected, ours);
  }

  @ParameterizedTest
  @MethodSource("files")
  void relocationsAreGroupedByTargetSection(Path file) {
    ElfFile elf = ElfFile.open(file);
    int total = 0;
    for (ElfSection s : elf.sections()) {
      for (ElfSection rel : elf.relocationSectionsFor(s)) {
        assertEquals(s.index(), rel.info());
      }
      total += elf.relocationsFor(s).size();
    }
    int all = 0;
    for (ElfSection rel : elf.relocationSections()) {
      all += elf.relocations(rel).size();
    }
    assertEquals(all, total);
  }

  private static String ndx(int shndx) {
    return switch (shndx) {
      case ElfSymbol.SHN_UNDEF -> "UND";
      case ElfSymbol.SHN_ABS -> "ABS";
      case ElfSymbol.SHN_COMMON -> "COM";
      default -> Integer.toString(shndx);
    };
  }

  private static String readelfType(ElfSection s) {
    SectionType t = s.sectionType();
    return t == SectionType.OTHER ? "0x" + Integer.toHexString(s.type()) : t.name();
  }

  private static String readelfFlags(long flags) {
    StringBuilder sb = new StringBuilder();
    long[] bits = {
      0x1, 0x2, 0x4, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x200000, 0x80000000L
    };
    String letters = "WAXMSILOGTCRE";
    for (int i = 0; i < bits.length; i++) {
      if ((flags & bits[i]) != 0) {
        sb.append(letters.charAt(i));
      }
    }
    return sb.toString();
  }
}
