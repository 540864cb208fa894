package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.core4j.testing.Oracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** clang-16 compiling BPF C against a header we wrote, as a BPF program would include it. */
final class Clang {
  private Clang() {}

  /** The result of one compilation: exit code and diagnostics. */
  record Result(int exit, String diagnostics) {}

  /**
   * Compiles {@code source}, which includes {@code "vmlinux.h"}, with {@code header} as that file:
   * {@code clang-16 -target bpf -O2 -Wall -Werror -c -x c - -o /dev/null}, source on stdin.
   */
  static Result compile(String header, String source) {
    Oracle.require("clang-16");
    try {
      Path dir = Files.createTempDirectory("core4j-cdump-clang");
      Path vmlinux = dir.resolve("vmlinux.h");
      try {
        Files.writeString(vmlinux, header, StandardCharsets.UTF_8);
        Process p =
            new ProcessBuilder(
                    List.of(
                        "clang-16",
                        "-target",
                        "bpf",
                        "-O2",
                        "-Wall",
                        "-Werror",
                        "-ferror-limit=0",
                        "-I",
                        dir.toString(),
                        "-c",
                        "-x",
                        "c",
                        "-",
                        "-o",
                        "/dev/null"))
                .redirectErrorStream(true)
                .start();
        try (var in = p.getOutputStream()) {
          in.write(source.getBytes(StandardCharsets.UTF_8));
        }
        String out = readAll(p.getInputStream());
        return new Result(p.waitFor(), out);
      } finally {
        Files.deleteIfExists(vmlinux);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(e);
      return null;
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
