package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the oracle tools (bpftool, clang, libbpf harnesses). Tests that need one call {@link
 * #require}: on a developer machine without the tool the test is skipped, but under CI ({@code
 * CI=true}) a missing tool fails the test, so the oracle comparison can never silently not run.
 */
public final class Oracle {
  private Oracle() {}

  /** Skips (locally) or fails (in CI) unless {@code tool} is on the PATH. */
  public static void require(String tool) {
    if (which(tool) == null) {
      String message = tool + " is not installed; the oracle comparison cannot run";
      if ("true".equals(System.getenv("CI"))) {
        fail(message + " (required in CI: .ci/run installs it)");
      }
      Assumptions.abort(message);
    }
  }

  /** Skips (locally) or fails (in CI) unless the process runs as root. */
  public static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      if ("true".equals(System.getenv("CI"))) {
        fail("tests that use bpf() must run as root in CI");
      }
      Assumptions.abort("not root");
    }
  }

  /** Runs {@code command} and returns its standard output; fails on a non-zero exit. */
  public static byte[] run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = readAll(p.getInputStream());
      int exit = p.waitFor();
      if (exit != 0) {
        fail(String.join(" ", command) + " exited " + exit + ": " + new String(err.join()));
      }
      return out;
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
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
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
