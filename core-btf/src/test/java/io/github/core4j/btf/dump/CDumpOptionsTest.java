package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.Testdata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --types} (only what named roots need) and {@code --sorted} (an order that does not depend
 * on type ids), beyond what bpftool offers for files.
 */
class CDumpOptionsTest {
  private static final String HOST = "kernels/6.18.44-fc-v669.btf.xz";

  private static Btf kernel(String file) {
    return Testdata.cHeaderCases().stream()
        .filter(c -> c.file().equals(file))
        .findFirst()
        .orElseThrow()
        .parse();
  }

  private static Btf small(String file) {
    return new Testdata.BtfCase(file, null, null).parse();
  }

  @Test
  void typesKeepsOnlyTheRootsAndWhatTheyNeed() {
    Btf btf = kernel(HOST);
    CDumpOptions options = CDumpOptions.BPFTOOL.withTypes(List.of("task_struct", "sk_buff"));
    String header = CDump.toString(btf, options);
    String full = CDump.toString(btf, CDumpOptions.BPFTOOL);
    assertTrue(header.contains("\nstruct task_struct {\n"), "task_struct is defined");
    assertTrue(header.contains("\nstruct sk_buff {\n"), "sk_buff is defined");
    assertTrue(header.contains("\nstruct mm_struct;\n"), "what task_struct points to is declared");
    assertTrue(!header.contains("\nstruct mm_struct {\n"), "but not defined");
    assertTrue(header.length() < full.length() / 5, header.length() + " of " + full.length());
    assertTrue(header.startsWith("#ifndef __VMLINUX_H__\n"));
    assertTrue(header.endsWith("#endif /* __VMLINUX_H__ */\n"));
    Clang.Result r =
        Clang.compile(
            header,
            "#include \"vmlinux.h\"\n"
                + CDumpCompilesWithClangTest.sizeAssert(btf, "task_struct")
                + "int pid_of(struct task_struct *t) { return t->pid; }\n"
                + "unsigned int len_of(struct sk_buff *s) { return s->len; }\n");
    assertEquals(0, r.exit(), r.diagnostics());
  }

  @Test
  void typesAcceptsIdsAndRejectsUnknownNames() {
    Btf btf = small("small/c_layout.bpfel.btf");
    int id = btf.findByName("bitfields", BtfKind.STRUCT).orElseThrow();
    String byId = CDump.toString(btf, CDumpOptions.BPFTOOL.withTypes(List.of("" + id)));
    String byName = CDump.toString(btf, CDumpOptions.BPFTOOL.withTypes(List.of("bitfields")));
    assertEquals(byName, byId);
    assertTrue(byName.contains("struct bitfields {"), byName);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CDump.toString(btf, CDumpOptions.BPFTOOL.withTypes(List.of("no_such_type"))));
    assertTrue(e.getMessage().contains("no struct, union, enum or typedef named 'no_such_type'"));
    assertThrows(
        IllegalArgumentException.class,
        () -> CDump.toString(btf, CDumpOptions.BPFTOOL.withTypes(List.of("999999"))));
  }

  @Test
  void typesNamesBothDefinitionsOfARepeatedName() {
    Btf btf = small("small/c_layout.bpfel.btf");
    String header = CDump.toString(btf, CDumpOptions.BPFTOOL.withTypes(List.of("dup")));
    assertTrue(header.contains("struct dup {\n\tlong b;"), header);
    assertTrue(header.contains("struct dup___2 {\n\tint a;"), header);
  }

  static Stream<String> smallFiles() {
    return Stream.of(
        "small/c_layout.bpfel.btf", "small/all_kinds.bpfel.btf", "small/all_kinds.bpfeb.btf");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smallFiles")
  void sortedIsTheSameWhateverTheTypeIds(String file) {
    Btf btf = small(file);
    CDumpOptions sorted = CDumpOptions.BPFTOOL.withSorted(true);
    String expected = CDump.toString(btf, sorted);
    for (long seed = 1; seed <= 5; seed++) {
      Btf shuffled = Renumbering.shuffled(btf, seed);
      assertNotEquals(
          CDump.toString(btf, CDumpOptions.BPFTOOL),
          CDump.toString(shuffled, CDumpOptions.BPFTOOL));
      HeaderDiff.assertSameHeader(
          expected, CDump.toString(shuffled, sorted), file + " shuffled with seed " + seed);
    }
  }

  @Test
  void sortedKernelHeaderIsIdIndependentCompilesAndHasTheSameDeclarations() {
    Btf btf = kernel("kernels/6.1.0-50-amd64.btf.xz");
    CDumpOptions sorted = CDumpOptions.BPFTOOL.withSorted(true);
    String header = CDump.toString(btf, sorted);
    assertEquals(header, CDump.toString(btf, sorted), "same input, same output");
    HeaderDiff.assertSameHeader(
        header, CDump.toString(Renumbering.shuffled(btf, 42), sorted), "6.1 kernel shuffled");
    Map<String, Integer> byId = definitionCounts(CDump.toString(btf, CDumpOptions.BPFTOOL));
    Map<String, Integer> bySort = definitionCounts(header);
    assertEquals(Map.of(), difference(byId, bySort), "definitions only in the id-ordered header");
    assertEquals(Map.of(), difference(bySort, byId), "definitions only in the sorted header");
    Clang.Result r =
        Clang.compile(
            header,
            "#include \"vmlinux.h\"\n"
                + CDumpCompilesWithClangTest.sizeAssert(btf, "task_struct")
                + "int pid_of(struct task_struct *t) { return t->pid; }\n");
    assertEquals(0, r.exit(), r.diagnostics());
  }

  @Test
  void sortedGroupsEnumsBeforeStructsByName() {
    String header =
        CDump.toString(small("small/c_layout.bpfel.btf"), CDumpOptions.BPFTOOL.withSorted(true));
    assertTrue(header.indexOf("enum dup_enum {") < header.indexOf("enum e_64 {"), header);
    assertTrue(header.indexOf("enum e_unsigned {") < header.indexOf("struct aligned_member {"));
    assertTrue(header.indexOf("struct aligned_member {") < header.indexOf("struct bitfields {"));
  }

  /**
   * The first lines of top-level definitions (not forward declarations, whose need depends on the
   * order), with the numbers of renamed duplicates removed, and how often each occurs.
   */
  private static Map<String, Integer> definitionCounts(String header) {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : header.split("\n")) {
      if (line.isEmpty() || line.startsWith("\t") || line.startsWith("}") || line.startsWith("#")) {
        continue;
      }
      if (line.matches("(struct|union|enum) [A-Za-z0-9_]+;")) {
        continue;
      }
      counts.merge(line.replaceAll("___[0-9]+", ""), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<String, Integer> difference(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, Integer> diff = new TreeMap<>();
    a.forEach(
        (line, n) -> {
          int missing = n - b.getOrDefault(line, 0);
          if (missing > 0) {
            diff.put(line, missing);
          }
        });
    return diff;
  }
}
