package io.github.core4j.skeleton;

import java.nio.file.Path;

/** {@code testdata/skeleton}: the layout probe objects and pahole's view of every object. */
final class LayoutProbe {
  private LayoutProbe() {}

  static Path dir() {
    return Path.of(System.getProperty("core4j.testdata", "../testdata"), "skeleton");
  }

  /** {@code layout_probe.<order>.o}, order {@code bpfel} or {@code bpfeb}. */
  static Path path(String order) {
    return dir().resolve("layout_probe." + order + ".o");
  }
}
