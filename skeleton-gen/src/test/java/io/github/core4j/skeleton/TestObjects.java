package io.github.core4j.skeleton;

import io.github.core4j.elf.object.BpfObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The compiled objects of {@code testdata/bpf/out}. */
final class TestObjects {
  private TestObjects() {}

  static Path dir() {
    return Path.of(System.getProperty("core4j.testdata", "../testdata"), "bpf", "out");
  }

  /** Every object file, both byte orders, sorted. */
  static List<Path> all() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".o")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path path(String fileName) {
    return dir().resolve(fileName);
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Generates the skeleton of {@code p} in {@code pkg}, named after the C source. */
  static GeneratedSkeleton generate(Path p, String pkg) {
    byte[] bytes = bytes(p);
    BpfObject object = BpfObject.open(bytes, p.getFileName().toString());
    return SkeletonGenerator.generate(object, bytes, pkg, className(p));
  }

  /** {@code xdp_filter.bpfel.o} → {@code XdpFilter}. */
  static String className(Path p) {
    String name = p.getFileName().toString();
    return JavaNames.upperCamel(name.substring(0, name.indexOf('.')));
  }
}
