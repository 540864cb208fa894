package io.github.core4j.btf.dump;

import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** bpftool's dumps of BTF bytes made in a test: the live oracle for hand-built corner cases. */
public final class Bpftool {
  private Bpftool() {}

  /** {@code bpftool btf dump file F format c} of {@code btf}; skips or fails without bpftool. */
  static String cHeader(byte[] btf) {
    return new String(dump(btf, "format", "c"), StandardCharsets.UTF_8);
  }

  /**
   * The bytes {@code bpftool btf dump file F [format...]} prints for {@code btf} (raw format when
   * {@code format} is empty); skips or fails without bpftool.
   */
  public static byte[] dump(byte[] btf, String... format) {
    Oracle.require("bpftool");
    try {
      Path file = Files.createTempFile("core4j-bpftool", ".btf");
      try {
        Files.write(file, btf);
        List<String> command = new ArrayList<>(List.of("bpftool", "btf", "dump", "file"));
        command.add(file.toString());
        command.addAll(List.of(format));
        return Oracle.run(command);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
