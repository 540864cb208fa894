package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the oracle tools (bpftool, gcc, python3, the libbpf harness), like core-btf's {@code
 * Oracle}: a test that needs a missing tool is skipped on a developer machine and fails under CI
 * ({@code CI=true}), so the comparison can never silently not run there.
 */
final class Tools {
  private Tools() {}

  /** Skips (locally) or fails (in CI) unless {@code tool} is installed. */
  static void require(String tool) {
    if (which(tool) == null) {
      unavailable(tool + " is not installed; the oracle comparison cannot run");
    }
  }

  /** Skips (locally) or fails (in CI) unless {@code file} exists (a library or header). */
  static void requireFile(String file, String what) {
    if (!Files.exists(Path.of(file))) {
      unavailable(what + " (" + file + ") is not installed; the oracle comparison cannot run");
    }
  }

  /** Skips (locally) or fails (in CI) unless running as root. */
  static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      unavailable("not root");
    }
  }

  private static void unavailable(String message) {
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (required in CI: .ci/run installs it)");
    }
    Assumptions.abort(message);
  }

  /** The result of a command: exit code, standard output and error. */
  record Result(int exit, String out, String err) {}

  /** Runs {@code command}; fails the test on a non-zero exit. */
  static String run(List<String> command) {
    Result r = runAllowingFailure(command);
    if (r.exit() != 0) {
      fail(String.join(" ", command) + " exited " + r.exit() + ": " + r.err());
    }
    return r.out();
  }

  /** Runs {@code command} and returns what happened, whatever the exit code. */
  static Result runAllowingFailure(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = readAll(p.getInputStream());
      int exit = p.waitFor();
      return new Result(
          exit,
          new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path which(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
