package io.github.core4j.reloc.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths into the repository's {@code testdata/} for the matrix tests. */
public final class MatrixTestdata {
  private MatrixTestdata() {}

  /** The testdata directory: {@code -Dcore4j.testdata}, else found upwards from the working dir. */
  public static Path root() {
    String prop = System.getProperty("core4j.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/bpf"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  /** {@code testdata/bpf/out/<name>.bpfel.o}. */
  public static Path object(String name) {
    return root().resolve("bpf/out/" + name + ".bpfel.o");
  }

  /** The names of every little-endian test object ({@code core_missing}, ...), sorted. */
  public static List<String> objectNames() {
    try (Stream<Path> s = Files.list(root().resolve("bpf/out"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".bpfel.o"))
          .map(n -> n.substring(0, n.length() - ".bpfel.o".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A committed kernel BTF, {@code testdata/btf/kernels/<name>.btf.xz}. */
  public static Path kernel(String name) {
    return root().resolve("btf/kernels/" + name + ".btf.xz");
  }
}
