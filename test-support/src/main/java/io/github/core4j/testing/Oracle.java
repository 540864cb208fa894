package io.github.core4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the oracle tools (bpftool, clang, pahole, libbpf harnesses). Tests that need one call a
 * {@code require} method: on a developer machine without it the test is skipped, but under CI
 * ({@code CI=true}) a missing requirement fails the test, so the oracle comparison can never
 * silently not run there.
 */
public final class Oracle {
  private Oracle() {}

  /** Skips (locally) or fails (in CI) unless {@code tool} is on the PATH (or in an sbin). */
  public static void require(String tool) {
    requireThat(which(tool) != null, tool + " is not installed; the oracle comparison cannot run");
  }

  /** Skips (locally) or fails (in CI) unless {@code file} exists (a library, header or package). */
  public static void requireFile(String file, String what) {
    requireThat(
        Files.exists(Path.of(file)),
        what + " (" + file + ") is not installed; the oracle comparison cannot run");
  }

  /** Skips (locally) or fails (in CI) unless the process runs as root. */
  public static void requireRoot() {
    requireThat("root".equals(System.getProperty("user.name")), "not root: bpf() needs root");
  }

  /** Skips (locally) or fails (in CI) with {@code what} unless {@code condition} holds. */
  public static void requireThat(boolean condition, String what) {
    if (!condition) {
      if ("true".equals(System.getenv("CI"))) {
        fail(what + " (required in CI: .ci/run provides it)");
      }
      Assumptions.abort(what);
    }
  }

  /** A finished command: exit code, standard output and standard error. */
  public record Result(int exit, String out, String err) {}

  /** Runs {@code command} and returns its standard output; fails on a non-zero exit. */
  public static byte[] run(List<String> command) {
    Raw r = start(command);
    if (r.exit() != 0) {
      fail(
          String.join(" ", command)
              + " exited "
              + r.exit()
              + ": "
              + new String(r.err(), StandardCharsets.UTF_8));
    }
    return r.out();
  }

  /** Runs {@code command} and returns its standard output as text; fails on a non-zero exit. */
  public static String runText(List<String> command) {
    return new String(run(command), StandardCharsets.UTF_8);
  }

  /** Runs {@code command} and returns what happened, whatever the exit code. */
  public static Result runAllowingFailure(List<String> command) {
    Raw r = start(command);
    return new Result(
        r.exit(),
        new String(r.out(), StandardCharsets.UTF_8),
        new String(r.err(), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("ArrayRecordComponent") // private, never compared or hashed
  private record Raw(int exit, byte[] out, byte[] err) {}

  private static Raw start(List<String> command) {
    try {
      Process p = new ProcessBuilder(new ArrayList<>(command)).start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = readAll(p.getInputStream());
      int exit = p.waitFor();
      return new Raw(exit, out, err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable Path which(String tool) {
    List<String> dirs = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      if (!dir.isEmpty()) {
        dirs.add(dir);
      }
    }
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
    for (String dir : dirs) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
