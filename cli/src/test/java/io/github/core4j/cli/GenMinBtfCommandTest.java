package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.source.BtfFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * {@code core4j gen min-btf}: bpftool's {@code gen min_core_btf} output for one kernel, a kernel
 * module on its vmlinux, and a whole BTFHub-style tree or archive of kernels minimized into the
 * mirrored tree; one-line errors with exit code 2.
 */
class GenMinBtfCommandTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("core4j.testdata", "../testdata"));
  private static final String K61 = "6.1.0-50-amd64";
  private static final String K612 = "6.12.117+deb12-cloud-amd64";

  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Core4j.run(out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path kernel(String name) {
    return TESTDATA.resolve("btf/kernels/" + name + ".btf.xz");
  }

  static Path object(String name) {
    return TESTDATA.resolve("bpf/out/" + name + ".bpfel.o");
  }

  static byte[] bpftools(String kernel, String object) throws IOException {
    return Files.readAllBytes(
        TESTDATA.resolve("btfgen/expected/" + kernel + "/" + object + ".btf"));
  }

  @Test
  void oneKernelGivesBpftoolsBytes() throws IOException {
    Path out = tmp.resolve("core_reads.min.btf");
    Result r =
        run(
            "gen",
            "min-btf",
            "--target",
            kernel(K61).toString(),
            "--out",
            out.toString(),
            object("core_reads").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
    assertArrayEquals(bpftools(K61, "core_reads"), Files.readAllBytes(out));
  }

  @Test
  void manyObjectsGiveOneBtfForAll() throws IOException {
    List<String> args =
        new ArrayList<>(List.of("gen", "min-btf", "--target", kernel(K612).toString()));
    Path out = tmp.resolve("all.btf");
    args.addAll(List.of("--out", out.toString()));
    for (String line : Files.readAllLines(TESTDATA.resolve("btfgen/manifest.tsv"))) {
      String[] f = line.split("\t", -1);
      if (f[1].equals(K612) && !f[0].equals("all") && !f[2].startsWith("fails:")) {
        Path o = object(f[0]);
        args.add(
            Files.exists(o)
                ? o.toString()
                : TESTDATA.resolve("reloc/obj/" + f[0] + ".bpfel.o.xz").toString());
      }
    }
    Result r = run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(bpftools(K612, "all"), Files.readAllBytes(out));
  }

  @Test
  void failingRelocationsAreWarningsAndTheBtfIsStillWritten() {
    Path out = tmp.resolve("ambiguous.btf");
    Result r =
        run(
            "gen",
            "min-btf",
            "--target",
            kernel(K61).toString(),
            "--out",
            out.toString(),
            TESTDATA.resolve("reloc/obj/err_ambiguous_offset.bpfel.o.xz").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("core4j: warning: "), r.err());
    assertTrue(r.err().contains("field offset ambiguity"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(Files.exists(out));
  }

  @Test
  void aModuleOnItsBaseFindsVmlinuxTypesInTheBase() throws IOException {
    Path out = tmp.resolve("nf_tables.min.btf");
    Result r =
        run(
            "gen",
            "min-btf",
            "--target",
            TESTDATA.resolve("btf/modules/" + K61 + "/nf_tables.btf.xz").toString(),
            "--base",
            kernel(K61).toString(),
            "--out",
            out.toString(),
            object("core_reads").toString());
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(
        bpftools(K61, "core_reads"),
        Files.readAllBytes(out),
        "core_reads only needs vmlinux types: what the module adds is nothing");
  }

  @Test
  void anArchiveOfKernelsBecomesTheMirroredTree() throws IOException {
    // BTFHub's layout, packed into one archive: each kernel is itself a .btf.tar.xz
    Path archive = tmp.resolve("btfhub.tar.xz");
    Map<String, byte[]> files = new TreeMap<>();
    files.put("debian/12/x86_64/" + K61 + ".btf.tar.xz", kernelTarXz(K61));
    files.put("debian/12/x86_64/" + K612 + ".btf.tar.xz", kernelTarXz(K612));
    files.put("README.md", "not a kernel".getBytes(StandardCharsets.UTF_8));
    try (OutputStream o = new XZOutputStream(Files.newOutputStream(archive), new LZMA2Options(0))) {
      writeTar(o, files);
    }
    Path out = tmp.resolve("out");

    Result r =
        run(
            "gen",
            "min-btf",
            "--target",
            archive.toString(),
            "--out",
            out.toString(),
            "--jobs",
            "2",
            "--progress",
            "always",
            object("core_reads").toString(),
            object("tracing_progs").toString());

    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of("debian/12/x86_64/" + K61 + ".btf", "debian/12/x86_64/" + K612 + ".btf"),
        tree(out));
    for (String k : List.of(K61, K612)) {
      byte[] ours = Files.readAllBytes(out.resolve("debian/12/x86_64/" + k + ".btf"));
      byte[] single = minimizeOne(k, "core_reads", "tracing_progs");
      assertArrayEquals(single, ours, k + ": the same BTF as minimizing the kernel on its own");
    }
    assertTrue(r.err().contains("[2/2] debian/12/x86_64/"), "progress: " + r.err());
    assertTrue(r.err().endsWith("core4j: minimized 2 of 2 kernels into " + out + "\n"), r.err());
  }

  @Test
  void aDirectoryOfKernelsBecomesTheMirroredTree() throws IOException {
    Path dir = tmp.resolve("btfhub-archive");
    Files.createDirectories(dir.resolve("debian/12/x86_64"));
    Files.write(dir.resolve("debian/12/x86_64/" + K61 + ".btf.tar.xz"), kernelTarXz(K61));
    Files.createDirectories(dir.resolve("plain"));
    Files.copy(kernel(K612), dir.resolve("plain/" + K612 + ".btf.xz"));
    Path out = tmp.resolve("out");

    Result r =
        run(
            "gen",
            "min-btf",
            "--target",
            dir.toString(),
            "--out",
            out.toString(),
            "--progress",
            "never",
            object("core_reads").toString());

    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("debian/12/x86_64/" + K61 + ".btf", "plain/" + K612 + ".btf"), tree(out));
    assertArrayEquals(
        bpftools(K61, "core_reads"),
        Files.readAllBytes(out.resolve("debian/12/x86_64/" + K61 + ".btf")));
    assertArrayEquals(
        bpftools(K612, "core_reads"), Files.readAllBytes(out.resolve("plain/" + K612 + ".btf")));
    assertFalse(r.err().contains("["), "no progress with --progress never: " + r.err());
  }

  @Test
  void aCorruptKernelInTheTreeIsReportedAndTheOthersAreWritten() throws IOException {
    Path dir = tmp.resolve("tree");
    Files.createDirectories(dir);
    Files.copy(kernel(K61), dir.resolve("good.btf.xz"));
    Files.write(dir.resolve("bad.btf"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Path out = tmp.resolve("out");

    Result r =
        run(
            "gen",
            "min-btf",
            "--target",
            dir.toString(),
            "--out",
            out.toString(),
            object("core_reads").toString());

    assertEquals(2, r.exit(), r.err());
    assertEquals(List.of("good.btf"), tree(out));
    assertTrue(r.err().startsWith("core4j: bad.btf: "), r.err());
    assertTrue(r.err().contains("core4j: minimized 1 of 2 kernels"), r.err());
  }

  @Test
  void badInputIsOneLineAndExitCode2() throws IOException {
    String k = kernel(K61).toString();
    String o = object("core_reads").toString();
    String out = tmp.resolve("x.btf").toString();
    Path noExt = tmp.resolve("no_ext.o");
    String elf = new String(Files.readAllBytes(object("core_reads")), StandardCharsets.ISO_8859_1);
    Files.write(noExt, elf.replace(".BTF.ext", ".BTF.txt").getBytes(StandardCharsets.ISO_8859_1));
    String text = TESTDATA.resolve("btfgen/manifest.tsv").toString();

    Map<String, String[]> cases = new TreeMap<>();
    cases.put("no such target", new String[] {"--target", "/nonexistent.btf", "--out", out, o});
    cases.put("no such object", new String[] {"--target", k, "--out", out, "/nonexistent.o"});
    cases.put("object is not ELF", new String[] {"--target", k, "--out", out, k});
    cases.put("target is not BTF", new String[] {"--target", text, "--out", out, o});
    cases.put(
        "object has no .BTF.ext", new String[] {"--target", k, "--out", out, noExt.toString()});
    cases.put("no objects", new String[] {"--target", k, "--out", out});
    cases.put("no --out", new String[] {"--target", k, o});
    cases.put("--jobs 0", new String[] {"--target", k, "--out", out, "--jobs", "0", o});
    cases.put(
        "--base with a tree",
        new String[] {"--target", tmp.toString(), "--base", k, "--out", out, o});
    cases.put("--out is a directory", new String[] {"--target", k, "--out", tmp.toString(), o});
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      List<String> args = new ArrayList<>(List.of("gen", "min-btf"));
      args.addAll(List.of(c.getValue()));
      Result r = run(args.toArray(String[]::new));
      assertEquals(2, r.exit(), c.getKey() + ": " + r.err());
      assertTrue(r.err().startsWith("core4j: "), c.getKey() + ": " + r.err());
      assertFalse(r.err().contains("\tat "), c.getKey() + ": no stack trace: " + r.err());
    }
  }

  private byte[] minimizeOne(String kernel, String... objects) throws IOException {
    Path out = tmp.resolve(kernel + ".single.btf");
    List<String> args =
        new ArrayList<>(
            List.of(
                "gen", "min-btf", "--target", kernel(kernel).toString(), "--out", out.toString()));
    for (String o : objects) {
      args.add(object(o).toString());
    }
    Result r = run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return Files.readAllBytes(out);
  }

  /** A BTFHub file: {@code <kernel>.btf} in a tar, xz-compressed. */
  private static byte[] kernelTarXz(String kernel) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream xz = new XZOutputStream(bytes, new LZMA2Options(0))) {
      writeTar(xz, Map.of(kernel + ".btf", BtfFiles.readBytes(kernel(kernel))));
    }
    return bytes.toByteArray();
  }

  private static void writeTar(OutputStream out, Map<String, byte[]> files) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      TarArchiveEntry e = new TarArchiveEntry(f.getKey());
      e.setSize(f.getValue().length);
      tar.putArchiveEntry(e);
      tar.write(f.getValue());
      tar.closeArchiveEntry();
    }
    tar.finish();
  }

  /** The files under {@code dir}, relative, sorted. */
  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
