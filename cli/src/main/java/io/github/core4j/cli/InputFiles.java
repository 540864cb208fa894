package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.elf.kernel.KernelBtf;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Opens the files users name on the command line, with messages that say what was wrong. */
final class InputFiles {
  private InputFiles() {}

  /**
   * BTF from {@code file} — raw or compressed BTF, an ELF with {@code .BTF} (vmlinux, {@code .ko},
   * {@code .bpf.o}), a vmlinuz or a Debian linux-image package — as split BTF on {@code base} when
   * a base is given.
   */
  static Btf readBtf(Path file, @Nullable Path base) {
    requireReadable(file);
    if (base == null) {
      return KernelBtf.read(file);
    }
    requireReadable(base);
    return KernelBtf.read(file, KernelBtf.read(base));
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
