package io.github.core4j.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Access to {@code testdata/elf}: compiled objects, kernel modules and the llvm outputs. */
public final class ElfTestdata {
  private ElfTestdata() {}

  /** The testdata directory: {@code -Dcore4j.testdata}, else found upwards from the working dir. */
  public static Path root() {
    String prop = System.getProperty("core4j.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/elf"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  /** {@code testdata/elf}. */
  public static Path elf() {
    return root().resolve("elf");
  }

  /** The compiled BPF objects under {@code obj/}. */
  public static List<Path> bpfObjects() {
    return list(elf().resolve("obj"), ".o");
  }

  /** The kernel modules under {@code kernel/}. */
  public static List<Path> kernelModules() {
    return list(elf().resolve("kernel"), ".ko");
  }

  /** The BPF C corpus of {@code testdata/bpf/out}, both byte orders. */
  public static List<Path> bpfCorpus() {
    return list(root().resolve("bpf").resolve("out"), ".o");
  }

  /** Every ELF file of the testdata. */
  public static List<Path> allElfFiles() {
    List<Path> all = new ArrayList<>(bpfObjects());
    all.addAll(kernelModules());
    return all;
  }

  /** An expected output next to the generator: {@code expected/<file name>.<kind>.txt}. */
  public static String expected(Path file, String kind) {
    Path p = elf().resolve("expected").resolve(file.getFileName() + "." + kind + ".txt");
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
