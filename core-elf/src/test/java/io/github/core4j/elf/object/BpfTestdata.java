package io.github.core4j.elf.object;

import io.github.core4j.elf.ElfTestdata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code testdata/bpf}: the BPF C corpus compiled for both byte orders, and libbpf's outputs. */
final class BpfTestdata {
  private BpfTestdata() {}

  static Path dir() {
    return ElfTestdata.root().resolve("bpf");
  }

  /** The little-endian objects, {@code out/<name>.bpfel.o}. */
  static List<Path> littleEndianObjects() {
    try (Stream<Path> s = Files.list(dir().resolve("out"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".bpfel.o")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The big-endian twin of a little-endian object. */
  static Path bigEndianTwin(Path bpfel) {
    return bpfel.resolveSibling(bpfel.getFileName().toString().replace(".bpfel.o", ".bpfeb.o"));
  }

  /** {@code expected/<file>}. */
  static String expectedFile(String file) {
    try {
      return Files.readString(dir().resolve("expected").resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code expected/<object file name without .o>.<kind>.txt}. */
  static String expected(Path object, String kind) {
    String base = object.getFileName().toString().replaceFirst("\\.o$", "");
    Path p = dir().resolve("expected").resolve(base + "." + kind + ".txt");
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
