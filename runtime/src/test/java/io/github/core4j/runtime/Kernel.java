package io.github.core4j.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Requirements of tests that use the real kernel. Locally an unmet requirement skips the test; in
 * CI ({@code CI=true}) it fails it, so kernel tests can never silently not run there (the approach
 * of core-btf's {@code Oracle}). Kernel features that the running kernel lacks (no kprobe PMU, no
 * trampolines) skip everywhere, with the reason.
 */
public final class Kernel {
  private Kernel() {}

  static boolean inCi() {
    return "true".equals(System.getenv("CI"));
  }

  /** Skips (locally) or fails (in CI) with {@code message}. */
  public static void unmet(String message) {
    if (inCi()) {
      fail(message + " (required in CI)");
    }
    Assumptions.abort(message);
  }

  /** Needs root (bpf() with every capability). */
  public static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      unmet("not root: bpf() tests need root");
    }
  }

  /** Needs {@code tool} on the PATH (or in /usr/sbin, /sbin). */
  public static void requireTool(String tool) {
    requireRoot();
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    unmet(tool + " is not installed");
  }

  /** Skips everywhere: the running kernel lacks a feature the test needs. */
  public static void kernelLacks(String feature) {
    Assumptions.abort("the running kernel lacks " + feature);
  }

  /** Runs a command, returns stdout; fails the test on a non-zero exit. */
  public static String run(String... command) {
    Result r = exec(command);
    if (r.exit() != 0) {
      fail(String.join(" ", command) + " exited " + r.exit() + ": " + r.output());
    }
    return r.output();
  }

  /** A command's exit code and output (stdout and stderr merged). */
  public record Result(int exit, String output) {}

  /** Runs a command, returns exit code and output. */
  public static Result exec(String... command) {
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " timed out");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Mounts tracefs at /sys/kernel/tracing if no tracefs is mounted. */
  public static void requireTracefs() {
    requireRoot();
    if (io.github.core4j.runtime.perf.Tracefs.root().isEmpty()) {
      Result r = exec("mount", "-t", "tracefs", "nodev", "/sys/kernel/tracing");
      if (r.exit() != 0) {
        unmet("tracefs is not mounted and cannot be: " + r.output());
      }
    }
  }

  /** The cgroup v2 mount point, or a skip/fail when there is none. */
  public static Path cgroup2Root() {
    requireRoot();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String[] f = line.split(" ");
        if (f.length >= 3 && f[2].equals("cgroup2")) {
          return Path.of(f[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    unmet("no cgroup v2 hierarchy is mounted");
    throw new AssertionError();
  }

  /** Open anonymous-inode fds of this process (bpf maps, progs, links, perf events, epoll). */
  public static List<String> anonFds() {
    List<String> out = new ArrayList<>();
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path p : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(p).toString();
          if (target.startsWith("anon_inode:")) {
            out.add(p.getFileName() + " -> " + target);
          }
        } catch (IOException e) {
          // the fd used by the listing itself has gone
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
  }
}
