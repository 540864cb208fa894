package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: every file of the committed fuzzing corpora ({@code fuzz/corpus/*.tar.xz}: thousands of
 * mutated BTF files, objects, kernel images and archives), each through the command a user would
 * run on such a file. Expected: exit 0 (or 1 where the command reports failing programs), or bad
 * input as exit code 2 with one line on stderr that starts with {@code core4j: } and the file's
 * path — never a stack trace, a second line, or a message from an unexpected exception.
 */
class FuzzCorporaCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("core4j.testdata", "../testdata"));
  private static final Path CORPORA = ROOT.resolveSibling("fuzz/corpus");
  private static final String OBJECT = ROOT.resolve("bpf/out/core_missing.bpfel.o").toString();

  @TempDir static Path tmp;

  /**
   * Debian 6.1's vmlinux BTF, decompressed once: the base of split inputs and the target of
   * relocation (read again for every input, so not inflated every time).
   */
  static String kernel() throws IOException {
    Path raw = tmp.resolve("6.1.0-50-amd64.btf");
    if (!Files.exists(raw)) {
      try (InputStream xz =
          new XZCompressorInputStream(
              Files.newInputStream(ROOT.resolve("btf/kernels/6.1.0-50-amd64.btf.xz")))) {
        Files.write(raw, xz.readAllBytes());
      }
    }
    return raw.toString();
  }

  static Stream<Arguments> corpora() throws IOException {
    String kernel = kernel();
    return Stream.of(
        Arguments.of("BtfFuzzTest.parseAndUse", "", List.of("btf", "dump", "--format=c", "{}")),
        Arguments.of(
            "BtfFuzzTest.parseSplitOnBase", "", List.of("btf", "dump", "--base", kernel, "{}")),
        Arguments.of("BtfFuzzTest.readArchive", ".tar", List.of("check", OBJECT, "--kernels={}")),
        Arguments.of("ElfFuzzTest.readKernelBtf", "", List.of("btf", "dump", "{}")),
        Arguments.of("ElfFuzzTest.readObject", ".o", List.of("obj", "info", "{}")),
        Arguments.of("ElfFuzzTest.openObject", ".o", List.of("reloc", "--target=" + kernel, "{}")));
  }

  /** Commands whose exit code 1 is a verdict (a program fails to load), not an error. */
  private static final Set<String> VERDICT_COMMANDS = Set.of("check", "reloc");

  /** What only an unexpected exception's message looks like. */
  private static final String UNEXPECTED =
      ".*(Exception|out of bounds|Index \\d+|Cannot invoke|because \"|: null$).*";

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpora")
  void everyInputIsReadOrRefusedInOneLine(String corpus, String suffix, List<String> command)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(corpus));
    List<String> problems = new ArrayList<>();
    int inputs = 0;
    try (InputStream file = Files.newInputStream(CORPORA.resolve(corpus + ".tar.xz"));
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (!e.isFile()) {
          continue;
        }
        Path input = dir.resolve(Path.of(e.getName()).getFileName() + suffix);
        Files.write(input, tar.readAllBytes());
        inputs++;
        String problem = problem(command, input);
        if (problem != null) {
          problems.add(problem);
        }
        Files.delete(input);
      }
    }
    assertTrue(inputs > 100, corpus + ": only " + inputs + " inputs");
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " of "
            + inputs
            + " inputs:\n"
            + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
  }

  private static String problem(List<String> command, Path input) {
    String[] args =
        command.stream().map(a -> a.replace("{}", input.toString())).toArray(String[]::new);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      exit =
          Core4j.run(
              OutputStream.nullOutputStream(),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              args);
    } catch (RuntimeException | Error e) {
      return input.getFileName() + ": threw " + e;
    }
    String text = err.toString(StandardCharsets.UTF_8);
    if (exit == 0 || (exit == 1 && VERDICT_COMMANDS.contains(command.get(0)))) {
      return null;
    }
    if (exit != 2) {
      return input.getFileName() + ": exit " + exit + ": " + text;
    }
    if (!text.endsWith("\n") || text.indexOf('\n') != text.length() - 1) {
      return input.getFileName() + ": not one line: " + text;
    }
    String line = text.substring(0, text.length() - 1);
    if (!line.startsWith("core4j: " + input)) {
      return input.getFileName() + ": does not name the file: " + line;
    }
    if (line.matches(UNEXPECTED)) {
      return input.getFileName() + ": an unexpected exception's message: " + line;
    }
    return null;
  }
}
