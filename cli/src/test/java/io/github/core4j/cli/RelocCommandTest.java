package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code core4j reloc}: the relocations of {@code core_reads} and {@code core_missing} against
 * Debian's 6.1 and the reference 6.18 kernel BTF have the kinds, new values and poisoned
 * instructions of libbpf's log ({@code testdata/bpf/expected/<name>.core.<kernel>.txt}), in
 * libbpf's order; the JSON shape; one-line errors with exit code 2.
 */
class RelocCommandTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("core4j.testdata", "../testdata"));

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Core4j.run(out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path object(String name) {
    return TESTDATA.resolve("bpf/out/" + name + ".bpfel.o");
  }

  static Path kernel(String kernel) {
    return TESTDATA.resolve("btf/kernels/" + kernel + ".btf.xz");
  }

  private static final Pattern RELO = Pattern.compile("^prog '([^']+)': relo #(\\d+): (.*)$");
  private static final Pattern KIND = Pattern.compile("^<([a-z_0-9]+)> .*");
  private static final Pattern PATCHED =
      Pattern.compile("^patched insn #(\\d+) \\([^)]*\\) \\S+ (\\d+) -> (\\d+).*");
  private static final Pattern POISONED = Pattern.compile("^substituting insn #(\\d+) w/.*");

  /**
   * libbpf's log as "program relo #N kind new|poisoned", in log order; the instruction index is
   * relative to the program.
   */
  static List<String> libbpf(String object, String kernel) throws IOException {
    Map<String, String[]> byRelo = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(
            TESTDATA.resolve("bpf/expected/" + object + ".core." + kernel + ".txt"))) {
      Matcher m = RELO.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1) + " relo #" + m.group(2);
      String msg = m.group(3);
      String[] f = byRelo.computeIfAbsent(key, k -> new String[3]);
      Matcher k = KIND.matcher(msg);
      Matcher p = PATCHED.matcher(msg);
      Matcher x = POISONED.matcher(msg);
      if (f[0] == null && k.matches()) {
        f[0] = k.group(1);
      } else if (p.matches()) {
        f[1] = p.group(1);
        f[2] = p.group(3);
      } else if (x.matches()) {
        // an ldimm64 logs its second half first; the relocated instruction is the lower one
        int insn = Integer.parseInt(x.group(1));
        f[1] = f[1] == null ? x.group(1) : Integer.toString(Math.min(insn, Integer.parseInt(f[1])));
        f[2] = "poisoned";
      }
    }
    List<String> out = new ArrayList<>();
    byRelo.forEach((key, f) -> out.add(key + " insn #" + f[1] + " " + f[0] + " " + f[2]));
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> jsonLines(String out) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add((Map<String, Object>) new ObjInfoCommandTest.MiniJson(line).parse());
      }
    }
    return lines;
  }

  /** The relocation lines of {@code --json} output (program verdict lines have no "relo"). */
  static List<Map<String, Object>> relocationLines(String out) {
    return jsonLines(out).stream().filter(j -> j.containsKey("relo")).toList();
  }

  /** The program verdict lines of {@code --json} output. */
  static List<Map<String, Object>> programLines(String out) {
    return jsonLines(out).stream().filter(j -> !j.containsKey("relo")).toList();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "core_reads, 6.1.0-50-amd64",
    "core_reads, 6.18.44-fc-v669",
    "core_missing, 6.1.0-50-amd64",
    "core_missing, 6.18.44-fc-v669",
  })
  void sameRelocationsAsLibbpf(String object, String kernel) throws IOException {
    Result r =
        run("reloc", object(object).toString(), "--target", kernel(kernel).toString(), "--json");
    // core_missing's unguarded_read reaches its poisoned instruction on every kernel
    assertEquals(object.equals("core_missing") ? 1 : 0, r.exit(), r.err());
    // Section offsets: the programs here are alone in their sections, so the section
    // instruction index is libbpf's program-relative one.
    List<String> ours = new ArrayList<>();
    for (Map<String, Object> j : relocationLines(r.out())) {
      boolean poisoned = (Boolean) j.get("poisoned");
      ours.add(
          j.get("program")
              + " relo #"
              + j.get("relo")
              + " insn #"
              + j.get("insn")
              + " "
              + j.get("kind")
              + " "
              + (poisoned ? "poisoned" : j.get("new")));
    }
    assertEquals(String.join("\n", libbpf(object, kernel)), String.join("\n", ours));
  }

  @Test
  void jsonShape() {
    Result r =
        run(
            "reloc",
            object("core_reads").toString(),
            "--target",
            kernel("6.1.0-50-amd64").toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, Object>> lines = relocationLines(r.out());
    assertFalse(lines.isEmpty());
    for (Map<String, Object> j : lines) {
      for (String key :
          List.of(
              "program",
              "relo",
              "insn",
              "kind",
              "local",
              "target",
              "old",
              "new",
              "poisoned",
              "guarded",
              "source")) {
        assertTrue(j.containsKey(key), () -> key + " missing in " + j);
      }
    }
    Map<String, Object> first = lines.get(3); // relo #3: task->real_parent
    assertEquals("core_task_chains", first.get("program"));
    assertEquals("byte_off", first.get("kind"));
    assertEquals("struct task_struct.real_parent (0:95 @ offset 1280)", first.get("local"));
    assertEquals("struct task_struct.real_parent (0:86 @ offset 2432)", first.get("target"));
    assertEquals(1280L, ((Number) first.get("old")).longValue());
    assertEquals(2432L, ((Number) first.get("new")).longValue());
    assertEquals(Boolean.FALSE, first.get("poisoned"));
    assertTrue(((String) first.get("source")).matches(".*core_reads\\.bpf\\.c:\\d+"));
    Map<String, Object> poisoned = lines.get(1); // relo #1: state___pre514, no such field
    assertEquals(Boolean.TRUE, poisoned.get("poisoned"));
    assertEquals(null, poisoned.get("target"));
  }

  @Test
  void textLines() {
    Result r =
        run(
            "reloc",
            object("core_missing").toString(),
            "--target",
            kernel("6.1.0-50-amd64").toString());
    assertEquals(1, r.exit(), "unguarded_read reaches a poisoned instruction\n" + r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(8 + 2, lines.size(), r.out());
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "guarded_reads relo #0 insn #2 byte_off struct task_struct___core4j.pid (0:1 @"
                    + " offset 8) => struct task_struct.pid (0:83 @ offset 2416): 8 -> 2416 ("),
        lines.get(0));
    assertTrue(lines.get(7).startsWith("unguarded_read relo #0 insn #0 byte_off"), lines.get(7));
    assertTrue(lines.get(7).contains("=> <none>: 0 -> 0 poisoned ("), lines.get(7));
    // relo #2 reads core4j_cookie behind bpf_core_field_exists(), which 6.1 makes false
    assertTrue(lines.get(2).startsWith("guarded_reads relo #2 insn #16 byte_off"), lines.get(2));
    assertTrue(lines.get(2).contains(" poisoned, guarded ("), lines.get(2));
    assertEquals("program guarded_reads: loads", lines.get(8));
    assertTrue(
        lines.get(9).startsWith("program unguarded_read: FAILS: relo #0 <byte_off> struct"),
        lines.get(9));
    assertTrue(lines.get(9).endsWith("its insn #0 is reachable"), lines.get(9));
  }

  /**
   * The exit code and the per-program verdicts follow libbpf's load of core_missing on this
   * machine's kernel ({@code testdata/bpf/expected/core_missing.load.txt}): guarded_reads loads
   * (its poisoned instructions sit behind guards the kernel makes false), unguarded_read does not.
   */
  @Test
  void onlyUnguardedFailuresFail() throws IOException {
    Result r =
        run(
            "reloc",
            object("core_missing").toString(),
            "--target",
            kernel("6.18.44-fc-v669").toString(),
            "--json");
    assertEquals(1, r.exit(), r.err());
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (String line : Files.readAllLines(TESTDATA.resolve("bpf/expected/core_missing.load.txt"))) {
      if (!line.startsWith("#")) {
        String[] f = line.split(" ");
        expected.put(f[0], f[1].equals("OK"));
      }
    }
    Map<String, Boolean> ours = new LinkedHashMap<>();
    for (Map<String, Object> j : programLines(r.out())) {
      ours.put((String) j.get("program"), (Boolean) j.get("ok"));
      assertEquals(j.get("ok"), j.get("reason") == null, j.toString());
    }
    assertEquals(expected, ours);
    for (Map<String, Object> j : relocationLines(r.out())) {
      boolean poisoned = (Boolean) j.get("poisoned");
      boolean guarded = (Boolean) j.get("guarded");
      String program = (String) j.get("program");
      assertEquals(poisoned && program.equals("guarded_reads"), guarded, j.toString());
    }
    // the same object against a kernel that has every field it reads: nothing is poisoned
    Result reads =
        run(
            "reloc",
            object("core_reads").toString(),
            "--target",
            kernel("6.18.44-fc-v669").toString(),
            "--json");
    assertEquals(0, reads.exit(), reads.err());
    for (Map<String, Object> j : programLines(reads.out())) {
      assertEquals(Boolean.TRUE, j.get("ok"), j.toString());
    }
  }

  /**
   * Values of 2^63 and up are unsigned, as libbpf's {@code %llu} prints them: relo #8 of {@code
   * enums} loads {@code PERF_CONTEXT_USER}, 0xfffffffffffffe00 ("imm64 18446744073709551104 ->
   * 18446744073709551104" in libbpf's log).
   */
  @Test
  void bigValuesAreUnsignedAsLibbpfPrintsThem(@TempDir Path dir) throws IOException {
    Path obj = dir.resolve("enums.bpfel.o");
    Path xz = TESTDATA.resolve("reloc/obj/enums.bpfel.o.xz");
    Files.write(
        obj,
        io.github.core4j.btf.source.Compression.inflate(Files.readAllBytes(xz), xz.toString()));
    String libbpf = null;
    for (String line :
        Files.readAllLines(TESTDATA.resolve("reloc/expected/enums/6.1.0-50-amd64.log"))) {
      Matcher m =
          Pattern.compile(
                  "prog 'enum64_values': relo #8: patched insn #\\d+ \\(LDIMM64\\) imm64 (\\d+) -> (\\d+)")
              .matcher(line);
      if (m.find()) {
        libbpf = m.group(1) + " -> " + m.group(2);
      }
    }
    assertEquals("18446744073709551104 -> 18446744073709551104", libbpf);
    Result r =
        run("reloc", obj.toString(), "--target", kernel("6.1.0-50-amd64").toString(), "--json");
    // enum_values reads BPF_MAP_TYPE_NO_SUCH without a guard; enum64_values loads
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        List.of("enum_values=false", "enum64_values=true"),
        programLines(r.out()).stream().map(j -> j.get("program") + "=" + j.get("ok")).toList());
    String line =
        r.out()
            .lines()
            .filter(l -> l.contains("\"program\":\"enum64_values\"") && l.contains("\"relo\":8,"))
            .findFirst()
            .orElseThrow();
    assertTrue(line.contains("\"old\":18446744073709551104,"), line);
    assertTrue(line.contains("\"new\":18446744073709551104,"), line);
    Result text = run("reloc", obj.toString(), "--target", kernel("6.1.0-50-amd64").toString());
    assertTrue(text.out().contains(": 18446744073709551104 -> 18446744073709551104"), text.out());
  }

  @Test
  void missingObjectIsBadInput() {
    Result r = run("reloc", "/no/such/file.o", "--target", kernel("6.1.0-50-amd64").toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("/no/such/file.o"), r.err());
  }

  @Test
  void missingTargetIsBadUsage() {
    Result r = run("reloc", object("core_reads").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--target"), r.err());
  }

  @Test
  void notAnObjectIsBadInput(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.o"), "not an ELF file");
    Result r = run("reloc", junk.toString(), "--target", kernel("6.1.0-50-amd64").toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void targetThatIsNoBtfIsBadInput(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.btf"), "not BTF");
    Result r = run("reloc", object("core_reads").toString(), "--target", junk.toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
