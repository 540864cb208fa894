package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * {@code core4j obj info}: the JSON of {@code xdp_filter.bpfel.o} against libbpf's view of it
 * ({@code testdata/bpf/expected/xdp_filter.bpfel.objinfo.txt}), the text tables, and one-line
 * errors with exit code 2.
 */
class ObjInfoCommandTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("core4j.testdata", "../testdata"));
  private static final Path XDP_FILTER = TESTDATA.resolve("bpf/out/xdp_filter.bpfel.o");

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Core4j.run(out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonProgramsAndMapsAreLibbpfs() throws IOException {
    Result r = run("obj", "info", XDP_FILTER.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().lines().count(), "one JSON object on one line");
    Map<String, Object> obj = (Map<String, Object>) new MiniJson(r.out().trim()).parse();
    assertEquals("xdp_filter", obj.get("object"));
    assertEquals("Dual BSD/GPL", obj.get("license"));
    // libbpf: "program <name> section=<sec> type=<type> expected_attach_type=<t> insns=<n> ..."
    // and "map <name> type=<t> key_size=<n> value_size=<n> max_entries=<n> map_flags=0x<x> ..."
    List<String> libbpfPrograms = new ArrayList<>();
    List<String> libbpfMaps = new ArrayList<>();
    for (String line :
        Files.readAllLines(TESTDATA.resolve("bpf/expected/xdp_filter.bpfel.objinfo.txt"))) {
      Map<String, String> f = fields(line);
      if (line.startsWith("program ")) {
        libbpfPrograms.add(
            String.join(
                " ",
                f.get("name"),
                f.get("section"),
                f.get("type"),
                f.get("expected_attach_type"),
                f.get("insns"),
                f.get("autoload").equals("1") ? "true" : "false"));
      } else if (line.startsWith("map ")) {
        libbpfMaps.add(
            String.join(
                " ",
                f.get("name"),
                f.get("type"),
                f.get("key_size"),
                f.get("value_size"),
                f.get("max_entries"),
                Long.toString(Long.parseLong(f.get("map_flags").substring(2), 16)),
                f.get("internal").equals("1") ? "true" : "false"));
      }
    }
    List<String> ourPrograms = new ArrayList<>();
    for (Object o : (List<Object>) obj.get("programs")) {
      Map<String, Object> p = (Map<String, Object>) o;
      ourPrograms.add(
          String.join(
              " ",
              (String) p.get("name"),
              (String) p.get("section"),
              (String) p.get("type"),
              (String) p.get("attach_type"),
              p.get("insns").toString(),
              p.get("autoload").toString()));
    }
    List<String> ourMaps = new ArrayList<>();
    for (Object o : (List<Object>) obj.get("maps")) {
      Map<String, Object> m = (Map<String, Object>) o;
      ourMaps.add(
          String.join(
              " ",
              (String) m.get("name"),
              (String) m.get("type"),
              m.get("key_size").toString(),
              m.get("value_size").toString(),
              m.get("max_entries").toString(),
              m.get("flags").toString(),
              m.get("internal").toString()));
    }
    assertEquals(libbpfPrograms, ourPrograms);
    assertEquals(libbpfMaps, ourMaps);
    // const volatile bool drop_icmp = false; in .rodata, the knob user space sets before load
    Map<String, Object> rodata = (Map<String, Object>) ((List<Object>) obj.get("globals")).get(0);
    assertEquals(".rodata", rodata.get("section"));
    assertEquals("xdp_filt.rodata", rodata.get("map"));
    Map<String, Object> dropIcmp =
        (Map<String, Object>) ((List<Object>) rodata.get("variables")).get(0);
    assertEquals("drop_icmp", dropIcmp.get("name"));
    assertEquals("const volatile bool", dropIcmp.get("type"));
  }

  @Test
  void textShowsProgramsMapsAndGlobals() {
    Result r = run("obj", "info", TESTDATA.resolve("bpf/out/subprogs.bpfeb.o").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("BPF object 'subprogs', big endian"), r.out());
    assertTrue(
        r.out()
            .contains(
                "xdp_hash_loop    xdp      xdp            xdp     30     yes"
                    + "       first_word,loop_step,mix32,count_bucket,clamp_bucket,sum_bucket"),
        r.out());
    assertTrue(
        r.out().contains("xdp_optional     xdp      xdp            xdp     8      no"), r.out());
    assertTrue(r.out().contains("\nMAP "), r.out());
    assertTrue(r.out().contains("\ntotal_len   .bss     subprogs.bss"), r.out());
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    Result r = run("obj", "info", "/no/such/object.bpf.o");
    assertEquals(2, r.exit());
    assertEquals("core4j: /no/such/object.bpf.o: no such file\n", r.err());
  }

  @Test
  void notAnElfIsOneLineAndExitTwo() {
    Result r = run("obj", "info", TESTDATA.resolve("bpf/README.md").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("core4j: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void kernelModuleIsNotABpfObject() throws IOException {
    Path ko;
    try (var s = Files.list(TESTDATA.resolve("elf/kernel"))) {
      ko = s.filter(p -> p.toString().endsWith(".ko")).findFirst().orElseThrow();
    }
    Result r = run("obj", "info", ko.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("e_machine is X86_64, a BPF object has EM_BPF"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] words = line.split(" ");
    out.put("name", words[1]);
    for (int i = 2; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      out.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return out;
  }

  /** Just enough JSON to read the command's output back. */
  static final class MiniJson {
    private final String s;
    private int i;

    MiniJson(String s) {
      this.s = s;
    }

    Object parse() {
      Object v = value();
      if (i != s.length()) {
        throw new IllegalArgumentException("trailing text at " + i);
      }
      return v;
    }

    private Object value() {
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          String k = string();
          expect(':');
          m.put(k, value());
          if (s.charAt(i) == '}') {
            i++;
            return m;
          }
          expect(',');
        }
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        i++;
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          if (s.charAt(i) == ']') {
            i++;
            return l;
          }
          expect(',');
        }
      }
      if (c == '"') {
        return string();
      }
      for (String word : new String[] {"true", "false", "null"}) {
        if (s.startsWith(word, i)) {
          i += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      int start = i;
      while (i < s.length() && "-0123456789".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      java.math.BigInteger n = new java.math.BigInteger(s.substring(start, i));
      // JSON numbers are unbounded: u64 values past Long.MAX_VALUE stay exact
      return n.bitLength() < 64 ? (Object) n.longValueExact() : n;
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\') {
          char e = s.charAt(i++);
          sb.append(
              switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'u' -> {
                  char u = (char) Integer.parseInt(s.substring(i, i + 4), 16);
                  i += 4;
                  yield u;
                }
                default -> e;
              });
        } else {
          sb.append(c);
        }
      }
      i++;
      return sb.toString();
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + i + " in " + s);
      }
      i++;
    }
  }
}
