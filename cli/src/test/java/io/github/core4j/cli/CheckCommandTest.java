package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code core4j check}: the exit status of the contract (0 all OK, 1 any FAIL, 2 bad input), JSON
 * lines, JUnit XML and the table, on the committed test objects and kernels.
 */
class CheckCommandTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("core4j.testdata", "../testdata"));

  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Core4j.run(out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String object(String name) {
    return TESTDATA.resolve("bpf/out/" + name + ".bpfel.o").toString();
  }

  static String kernel(String name) {
    return TESTDATA.resolve("btf/kernels/" + name + ".btf.xz").toString();
  }

  @Test
  void everyProgramOkExitsZero() {
    Result r =
        run(
            "check",
            object("core_reads"),
            object("xdp_filter"),
            "--kernels",
            kernel("6.1.0-50-amd64"),
            kernel("6.12.117+deb12-cloud-amd64"),
            "--json");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(8, lines.size(), "2 kernels x (3 + 1) programs");
    assertEquals(
        "{\"kernel\": \"6.1.0-50-amd64\", \"object\": \"core_reads.bpfel.o\", \"program\":"
            + " \"core_task_chains\", \"ok\": true, \"reason\": null}",
        lines.get(0));
    assertTrue(
        lines.get(7).startsWith("{\"kernel\": \"6.12.117+deb12-cloud-amd64\""), lines.get(7));
  }

  @Test
  void anyFailExitsOneAndSaysWhy() {
    Result r = run("check", object("core_missing"), "--kernels", kernel("6.1.0-50-amd64"));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("6.1.0-50-amd64"), r.out());
    assertTrue(r.out().contains("OK            FAIL"), r.out());
    assertTrue(r.out().contains("1 kernel × 2 programs: 1 OK, 1 FAIL"), r.out());
    assertTrue(
        r.out().contains("struct task_struct___core4j.core4j_cookie (0:0 @ offset 0): no match"),
        r.out());
  }

  @Test
  void junitXmlIsWrittenBesideTheTable() throws IOException {
    Path xml = tmp.resolve("check.xml");
    Result r =
        run(
            "check",
            object("core_missing"),
            "--kernels",
            kernel("6.1.0-50-amd64"),
            "--junit",
            xml.toString(),
            "--threads",
            "1");
    assertEquals(1, r.exit(), r.err());
    String s = Files.readString(xml);
    assertTrue(
        s.contains("<testsuite name=\"core_missing.bpfel.o\" tests=\"2\" failures=\"1\""), s);
    assertTrue(s.contains("name=\"unguarded_read on 6.1.0-50-amd64\">"), s);
  }

  @Test
  void directoriesAndArchivesOfKernels() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("kernels/sub"));
    Files.copy(Path.of(kernel("6.1.0-50-amd64")), dir.resolve("6.1.0-50-amd64.btf.xz"));
    Result r =
        run(
            "check",
            object("core_missing"),
            "--kernels",
            tmp.resolve("kernels").toString(),
            "--json");
    assertEquals(1, r.exit(), r.err());
    assertEquals(2, r.out().lines().count());
  }

  @Test
  void badInputExitsTwoWithOneLine() throws IOException {
    Result noKernel =
        run("check", object("core_missing"), "--kernels", tmp.resolve("none.btf").toString());
    assertEquals(2, noKernel.exit());
    assertEquals(1, noKernel.err().lines().count(), noKernel.err());
    assertTrue(noKernel.err().contains("none.btf: no such file or directory"), noKernel.err());

    Result noObject =
        run("check", tmp.resolve("x.o").toString(), "--kernels", kernel("6.1.0-50-amd64"));
    assertEquals(2, noObject.exit());
    assertTrue(noObject.err().contains("x.o: no such file"), noObject.err());

    Result emptyDir = run("check", object("core_missing"), "--kernels", tmp.toString());
    assertEquals(2, emptyDir.exit());
    assertTrue(emptyDir.err().startsWith("core4j: no kernel BTF found in"), emptyDir.err());

    Path text = Files.writeString(tmp.resolve("notes.btf"), "not BTF at all");
    Result notBtf = run("check", object("core_missing"), "--kernels", text.toString());
    assertEquals(2, notBtf.exit(), notBtf.out());
    assertTrue(notBtf.err().startsWith("core4j: " + text + ": "), notBtf.err());

    Result usage = run("check", object("core_missing"));
    assertEquals(2, usage.exit());
    assertTrue(usage.err().contains("--kernels"), usage.err());
  }
}
