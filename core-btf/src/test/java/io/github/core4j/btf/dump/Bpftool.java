package io.github.core4j.btf.dump;

import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** bpftool's C header for BTF bytes made in a test: the live oracle for hand-built corner cases. */
final class Bpftool {
  private Bpftool() {}

  /** {@code bpftool btf dump file F format c} of {@code btf}; skips or fails without bpftool. */
  static String cHeader(byte[] btf) {
    Oracle.require("bpftool");
    try {
      Path file = Files.createTempFile("core4j-cdump", ".btf");
      try {
        Files.write(file, btf);
        return new String(
            Oracle.run(List.of("bpftool", "btf", "dump", "file", file.toString(), "format", "c")),
            StandardCharsets.UTF_8);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
