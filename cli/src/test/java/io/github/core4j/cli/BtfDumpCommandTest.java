package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.source.BtfFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code core4j btf dump}: bpftool's raw and C output for split BTF, C header options, JSON lines,
 * and one-line errors.
 */
class BtfDumpCommandTest {
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

  @Test
  void splitDumpEqualsBpftoolWithBase() {
    Path btf = TESTDATA.resolve("btf");
    Result r =
        run(
            "btf",
            "dump",
            btf.resolve("modules/6.1.0-50-amd64/openvswitch.btf.xz").toString(),
            "--base",
            btf.resolve("kernels/6.1.0-50-amd64.btf.xz").toString());
    String expected =
        new String(
            BtfFiles.readBytes(
                btf.resolve("expected/modules/6.1.0-50-amd64/openvswitch.btf.xz.bpftool.txt.xz")),
            StandardCharsets.UTF_8);
    assertEquals(0, r.exit(), r.err());
    assertEquals(expected, r.out());
  }

  @Test
  void cHeaderOfSplitBtfEqualsBpftoolWithBase() {
    Path btf = TESTDATA.resolve("btf");
    Result r =
        run(
            "btf",
            "dump",
            btf.resolve("modules/6.1.0-50-amd64/af_key.btf.xz").toString(),
            "-B",
            btf.resolve("kernels/6.1.0-50-amd64.btf.xz").toString(),
            "--format",
            "c");
    String expected =
        new String(
            BtfFiles.readBytes(
                btf.resolve("expected/modules/6.1.0-50-amd64/af_key.btf.xz.bpftool.c.xz")),
            StandardCharsets.UTF_8);
    assertEquals(0, r.exit(), r.err());
    assertEquals(expected, r.out());
  }

  @Test
  void cHeaderOfSomeTypesSortedIsReproducible() {
    String file = TESTDATA.resolve("btf/small/c_layout.bpfeb.btf").toString();
    Result first = run("btf", "dump", file, "--format", "c", "--types", "ops,enums", "--sorted");
    Result second = run("btf", "dump", file, "--format", "c", "--sorted", "--types=ops,enums");
    assertEquals(0, first.exit(), first.err());
    assertEquals(first.out(), second.out());
    assertTrue(first.out().contains("\nstruct ops {\n"), first.out());
    assertTrue(first.out().contains("\nstruct enums {\n"), first.out());
    assertTrue(!first.out().contains("struct bitfields"), first.out());
  }

  @Test
  void cOptionsNeedFormatC() {
    String file = TESTDATA.resolve("btf/small/c_layout.bpfel.btf").toString();
    Result r = run("btf", "dump", file, "--sorted");
    assertEquals(2, r.exit());
    assertEquals("core4j: --types, --sorted and --enum-modes need --format c\n", r.err());
  }

  @Test
  void unknownTypeIsOneLineAndExitTwo() {
    String file = TESTDATA.resolve("btf/small/c_layout.bpfel.btf").toString();
    Result r = run("btf", "dump", file, "--format", "c", "--types", "no_such_struct");
    assertEquals(2, r.exit());
    assertTrue(
        r.err().contains("no struct, union, enum or typedef named 'no_such_struct'"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void jsonIsOneObjectPerType() {
    Result r =
        run(
            "btf",
            "dump",
            TESTDATA.resolve("btf/small/all_kinds.bpfeb.btf").toString(),
            "--format",
            "json");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals(63, lines.length);
    assertEquals(
        "{\"id\":4,\"kind\":\"INT\",\"name\":\"int\",\"size\":4,\"bits_offset\":0,\"nr_bits\":32,\"encoding\":\"SIGNED\"}",
        lines[3]);
    assertTrue(lines[32].contains("\"component_idx\":9"), lines[32]);
    assertTrue(lines[33].contains("{\"name\":\"SMALL_B\",\"val\":-2}"), lines[33]);
  }

  @Test
  void missingFileIsOneLineAndExitTwo() {
    Result r = run("btf", "dump", "/no/such/file.btf");
    assertEquals(2, r.exit());
    assertEquals("core4j: /no/such/file.btf: no such file\n", r.err());
  }

  @Test
  void notBtfIsOneLineAndExitTwo() {
    Result r = run("btf", "dump", TESTDATA.resolve("btf/manifest.tsv").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("core4j: "), r.err());
    assertTrue(r.err().contains("not BTF, ELF, a kernel image"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void badUsageExitsTwo() {
    Result r = run("btf", "dump");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Missing required parameter"), r.err());
  }
}
