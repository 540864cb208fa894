package io.github.core4j.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of {@code llvm-readelf -h -S -s -r} output the tests compare against. */
record ReadelfOutput(
    List<String> header, List<Section> sections, List<Symbol> symbols, List<Reloc> relocations) {

  /** One row of "Section Headers". */
  record Section(
      int index,
      String name,
      String type,
      long addr,
      long offset,
      long size,
      long entsize,
      String flags,
      int link,
      int info,
      long align) {}

  /** One row of "Symbol table '.symtab'". */
  record Symbol(
      int index,
      long value,
      long size,
      String type,
      String bind,
      String vis,
      String ndx,
      String name) {}

  /** One row of a "Relocation section" with the section it came from. */
  record Reloc(String section, long offset, long info, String symbolName, long addend) {}

  private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(\\d+)\\](.*)$");
  private static final Pattern SYMBOL = Pattern.compile("^\\s*(\\d+): (.*)$");
  private static final Pattern RELOC_HEAD = Pattern.compile("^Relocation section '(.*)' at .*");

  static ReadelfOutput parse(String text) {
    List<String> header = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    List<Symbol> symbols = new ArrayList<>();
    List<Reloc> relocs = new ArrayList<>();
    String mode = "header";
    String relocSection = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("Section Headers:")) {
        mode = "sections";
        continue;
      }
      if (line.startsWith("Symbol table '.symtab'")) {
        mode = "symbols";
        continue;
      }
      Matcher rh = RELOC_HEAD.matcher(line);
      if (rh.matches()) {
        mode = "relocs";
        relocSection = rh.group(1);
        continue;
      }
      if (line.startsWith("Key to Flags") || line.startsWith("There are ")) {
        mode = mode.equals("header") ? "skip" : "skip";
        continue;
      }
      switch (mode) {
        case "header" -> {
          if (line.startsWith("  ")) {
            header.add(line.trim());
          }
        }
        case "sections" -> {
          Matcher m = SECTION.matcher(line);
          if (m.matches()) {
            sections.add(section(Integer.parseInt(m.group(1)), m.group(2)));
          }
        }
        case "symbols" -> {
          Matcher m = SYMBOL.matcher(line);
          if (m.matches()) {
            symbols.add(symbol(Integer.parseInt(m.group(1)), m.group(2)));
          }
        }
        case "relocs" -> {
          String t = line.trim();
          if (!t.isEmpty() && Character.digit(t.charAt(0), 16) >= 0 && !t.startsWith("Offset")) {
            relocs.add(reloc(relocSection, t));
          }
        }
        default -> {}
      }
    }
    return new ReadelfOutput(header, sections, symbols, relocs);
  }

  private static Section section(int index, String rest) {
    String[] t = rest.trim().split("\\s+");
    int addr = -1;
    for (int i = 0; i < t.length; i++) {
      if (t[i].length() == 16 && t[i].matches("[0-9a-f]{16}")) {
        addr = i;
        break;
      }
    }
    String type = t[addr - 1];
    String name = String.join(" ", java.util.Arrays.copyOfRange(t, 0, addr - 1));
    int tail = t.length - (addr + 4);
    String flags = tail == 4 ? t[addr + 4] : "";
    return new Section(
        index,
        name,
        type,
        Long.parseUnsignedLong(t[addr], 16),
        Long.parseLong(t[addr + 1], 16),
        Long.parseLong(t[addr + 2], 16),
        Long.parseLong(t[addr + 3], 16),
        flags,
        Integer.parseInt(t[t.length - 3]),
        Integer.parseInt(t[t.length - 2]),
        Long.parseLong(t[t.length - 1]));
  }

  private static Symbol symbol(int index, String rest) {
    String[] t = rest.trim().split("\\s+", 7);
    String size = t[1];
    return new Symbol(
        index,
        Long.parseUnsignedLong(t[0], 16),
        size.startsWith("0x") ? Long.parseLong(size.substring(2), 16) : Long.parseLong(size),
        t[2],
        t[3],
        t[4],
        t[5],
        t.length > 6 ? t[6] : "");
  }

  private static Reloc reloc(String section, String line) {
    String[] t = line.split("\\s+");
    long offset = Long.parseUnsignedLong(t[0], 16);
    long info = Long.parseUnsignedLong(t[1], 16);
    String name = t.length > 4 ? t[4] : "";
    long addend = 0;
    if (t.length >= 7 && (t[5].equals("+") || t[5].equals("-"))) {
      addend = Long.parseUnsignedLong(t[6], 16) * (t[5].equals("-") ? -1 : 1);
    } else if (t.length == 5 && (t[3].equals("+") || t[3].equals("-"))) {
      addend = 0;
    }
    return new Reloc(section, offset, info, name, addend);
  }
}
