package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.source.BtfFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the files users name on the command line, with messages that say what was wrong. */
final class InputFiles {
  private InputFiles() {}

  /** BTF from {@code file}, as split BTF on {@code base} when a base is given. */
  static Btf readBtf(Path file, Path base) {
    requireReadable(file);
    if (base == null) {
      return BtfFiles.read(file);
    }
    requireReadable(base);
    return BtfFiles.read(file, BtfFiles.read(base));
  }

  static void requireReadable(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such file");
    }
    if (!Files.isReadable(path) || Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + ": not a readable file");
    }
  }
}
