package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: every object of {@code testdata/bpf/out}, both byte orders. The tools' answers: {@code
 * llvm-readelf-16 -s} ({@code expected/<name>.<bo>.readelf-s.txt}) for symbols, and the {@code
 * DATASEC} and {@code VAR} lines of {@code bpftool btf dump file} ({@code .datasec.txt}) for BTF.
 * Expected: each global data section's variables have the names, sizes and BTF types bpftool lists,
 * and the offsets of their ELF symbols (clang 16 leaves global variables' {@code DATASEC} offsets
 * at 0, so the symbol decides, as in libbpf); every named object symbol of a data section is a
 * variable; {@code .kconfig} and {@code .ksyms} externs are the entries of those {@code DATASEC}s,
 * weak exactly when their symbols are.
 */
class GlobalsMatchToolsTest {
  record Symbol(long value, long size, String type, String bind, String ndx, String name) {}

  record Entry(int typeId, long offset, long size, String name) {}

  record Var(String name, int typeId, String linkage) {}

  static Stream<Path> objects() {
    return BpfTestdata.littleEndianObjects().stream()
        .flatMap(p -> Stream.of(p, BpfTestdata.bigEndianTwin(p)));
  }

  @ParameterizedTest
  @MethodSource("objects")
  void variablesAreWhatReadelfAndBpftoolSay(Path object) {
    BpfObject ours = BpfObject.open(object);
    List<Symbol> symbols = readelf(object);
    Map<Integer, Var> vars = new HashMap<>();
    Map<String, List<Entry>> datasecs = bpftool(object, vars);
    assertTrue(symbols.size() > 5 && datasecs.containsKey("license"), "parsed the tool outputs");
    for (DataSection d : ours.dataSections()) {
      if (d.kind() == MapKind.KCONFIG) {
        continue;
      }
      List<Entry> entries = datasecs.get(d.name());
      assertEquals(entries != null, d.datasecId() != 0, d.name());
      if (entries != null) {
        assertEquals(entries.size(), d.variables().size(), d.name());
        for (GlobalVariable v : d.variables()) {
          Entry e = entries.stream().filter(x -> x.typeId() == v.varId()).findFirst().orElseThrow();
          Var var = vars.get(v.varId());
          assertEquals(e.name(), v.name());
          assertEquals(var.typeId(), v.typeId(), v.name());
          assertEquals(var.linkage(), v.linkage().label(), v.name());
          assertEquals(e.size(), v.size(), v.name());
          if (e.offset() != 0 || v.linkage() == io.github.core4j.btf.BtfLinkage.STATIC) {
            assertEquals(e.offset(), v.offset(), v.name());
          }
        }
      }
      String ndx = Integer.toString(d.sectionIndex());
      for (GlobalVariable v : d.variables()) {
        Symbol s =
            symbols.stream()
                .filter(x -> x.type().equals("OBJECT") && x.name().equals(v.name()))
                .findFirst()
                .orElse(null);
        if (v.isExposed()) {
          assertNotNull(s, v.name());
        }
        if (s != null) {
          assertEquals(ndx, s.ndx(), v.name());
          assertEquals(s.value(), v.offset(), v.name());
          assertEquals(s.size(), v.size(), v.name());
        }
      }
      for (Symbol s : symbols) {
        if (s.type().equals("OBJECT") && s.ndx().equals(ndx) && !s.name().isEmpty()) {
          assertTrue(d.variable(s.name()).isPresent(), d.name() + " lacks " + s.name());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("objects")
  void externsAreTheKconfigAndKsymsEntries(Path object) {
    BpfObject ours = BpfObject.open(object);
    List<Symbol> symbols = readelf(object);
    Map<Integer, Var> vars = new HashMap<>();
    Map<String, List<Entry>> datasecs = bpftool(object, vars);
    List<String> kconfig = new ArrayList<>();
    List<String> ksyms = new ArrayList<>();
    for (Extern e : ours.externs()) {
      (e instanceof KconfigExtern ? kconfig : ksyms).add(e.name());
      Symbol s = symbols.stream().filter(x -> x.name().equals(e.name())).findFirst().orElseThrow();
      assertEquals("UND", s.ndx(), e.name());
      assertEquals(s.bind().equals("WEAK"), e.weak(), e.name());
      if (e instanceof KconfigExtern k) {
        Entry entry =
            datasecs.get(".kconfig").stream()
                .filter(x -> x.typeId() == k.btfId())
                .findFirst()
                .orElseThrow();
        assertEquals(entry.size(), k.size(), e.name());
        assertEquals("extern", vars.get(k.btfId()).linkage(), e.name());
      }
    }
    assertEquals(names(datasecs.get(".kconfig")), kconfig.stream().sorted().toList());
    assertEquals(names(datasecs.get(".ksyms")), ksyms.stream().sorted().toList());
  }

  private static List<String> names(List<Entry> entries) {
    return entries == null ? List.of() : entries.stream().map(Entry::name).sorted().toList();
  }

  private static final Pattern SYMBOL =
      Pattern.compile(
          "\\s*\\d+: ([0-9a-f]+)\\s+(\\d+) (\\w+)\\s+(\\w+)\\s+(\\w+)\\s+(\\w+)\\s*(\\S*)");

  static List<Symbol> readelf(Path object) {
    List<Symbol> out = new ArrayList<>();
    for (String line : BpfTestdata.expected(object, "readelf-s").split("\n")) {
      Matcher m = SYMBOL.matcher(line);
      if (m.matches()) {
        out.add(
            new Symbol(
                Long.parseUnsignedLong(m.group(1), 16),
                Long.parseLong(m.group(2)),
                m.group(3),
                m.group(4),
                m.group(6),
                m.group(7)));
      }
    }
    return out;
  }

  private static final Pattern VAR =
      Pattern.compile("\\[(\\d+)\\] VAR '([^']*)' type_id=(\\d+), linkage=(\\w+)");
  private static final Pattern DATASEC = Pattern.compile("\\[\\d+\\] DATASEC '([^']*)' .*");
  private static final Pattern ENTRY =
      Pattern.compile("\\ttype_id=(\\d+) offset=(\\d+) size=(\\d+) \\((?:VAR|FUNC) '([^']*)'\\)");

  static Map<String, List<Entry>> bpftool(Path object, Map<Integer, Var> vars) {
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    List<Entry> current = null;
    for (String line : BpfTestdata.expected(object, "datasec").split("\n")) {
      Matcher v = VAR.matcher(line);
      Matcher d = DATASEC.matcher(line);
      Matcher e = ENTRY.matcher(line);
      if (v.matches()) {
        vars.put(
            Integer.parseInt(v.group(1)),
            new Var(v.group(2), Integer.parseInt(v.group(3)), v.group(4)));
      } else if (d.matches()) {
        current = new ArrayList<>();
        out.put(d.group(1), current);
      } else if (e.matches()) {
        current.add(
            new Entry(
                Integer.parseInt(e.group(1)),
                Long.parseLong(e.group(2)),
                Long.parseLong(e.group(3)),
                e.group(4)));
      } else if (!line.isEmpty()) {
        throw new IllegalArgumentException("unexpected line: " + line);
      }
    }
    return out;
  }
}
