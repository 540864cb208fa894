package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code core4j gen skeleton}: writes the class under the package's directory and the object beside
 * it in the resource root; bad input is one line on stderr and exit code 2.
 */
class GenSkeletonCommandTest {
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

  static Path object(String name) {
    return TESTDATA.resolve("bpf/out/" + name + ".bpfel.o");
  }

  @Test
  void writesTheSourceAndTheObjectItLoads() throws IOException {
    Path src = tmp.resolve("src");
    Path res = tmp.resolve("res");
    Result r =
        run(
            "gen",
            "skeleton",
            object("xdp_filter").toString(),
            "--package",
            "com.example.xdp",
            "--class",
            "XdpFilter",
            "--out",
            src.toString(),
            "--resources",
            res.toString());
    assertEquals(0, r.exit(), r.err());
    Path source = src.resolve("com/example/xdp/XdpFilter.java");
    Path resource = res.resolve("com/example/xdp/XdpFilter.bpf.o");
    assertEquals(source + "\n" + resource + "\n", r.out());
    assertTrue(
        Files.readString(source).contains("public final class XdpFilter extends BpfSkeleton"));
    assertArrayEquals(Files.readAllBytes(object("xdp_filter")), Files.readAllBytes(resource));
  }

  @Test
  void writesWhatTheGeneratorsGoldenFileHolds() throws IOException {
    Path golden =
        Path.of("../skeleton-gen/src/test/java/io/github/core4j/skeleton/golden/XdpFilter.java");
    Result r =
        run(
            "gen",
            "skeleton",
            object("xdp_filter").toString(),
            "--package",
            "io.github.core4j.skeleton.golden",
            "--out",
            tmp.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        Files.readString(golden),
        Files.readString(tmp.resolve("io/github/core4j/skeleton/golden/XdpFilter.java")));
  }

  @Test
  void classNameDefaultsToTheObjectNameAndResourcesToOut() throws IOException {
    Result r =
        run(
            "gen",
            "skeleton",
            object("ringbuf_events").toString(),
            "--package",
            "p",
            "--out",
            tmp.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.exists(tmp.resolve("p/RingbufEvents.java")));
    assertTrue(Files.exists(tmp.resolve("p/RingbufEvents.bpf.o")));
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path notElf = Files.writeString(tmp.resolve("x.bpf.o"), "not an object");
    String[][] cases = {
      {
        "gen",
        "skeleton",
        tmp.resolve("missing.o").toString(),
        "--package",
        "p",
        "--out",
        tmp.toString()
      },
      {"gen", "skeleton", notElf.toString(), "--package", "p", "--out", tmp.toString()},
      {
        "gen",
        "skeleton",
        object("xdp_filter").toString(),
        "--package",
        "not a package",
        "--out",
        tmp.toString()
      },
      {
        "gen",
        "skeleton",
        object("xdp_filter").toString(),
        "--package",
        "p",
        "--class",
        "class",
        "--out",
        tmp.toString()
      },
      {"gen", "skeleton", object("xdp_filter").toString(), "--out", tmp.toString()},
    };
    for (String[] args : cases) {
      Result r = run(args);
      assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.err().startsWith("core4j: "), r.err());
      assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }
}
