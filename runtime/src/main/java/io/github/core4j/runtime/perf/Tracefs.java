package io.github.core4j.runtime.perf;

import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tracing filesystem: where tracepoint ids live ({@code events/CATEGORY/NAME/id}). Found where
 * it is mounted ({@code /proc/self/mounts}), else at the usual paths.
 */
public final class Tracefs {
  private Tracefs() {}

  /** The tracefs root, or empty when tracefs is not mounted. */
  public static Optional<Path> root() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String[] f = line.split(" ", -1);
        if (f.length >= 3 && f[2].equals("tracefs")) {
          return Optional.of(Path.of(f[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/mounts", e);
    }
    for (Path p : List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"))) {
      if (Files.isDirectory(p.resolve("events"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The id of tracepoint {@code category/name} ({@code syscalls/sys_enter_getpid}).
   *
   * @throws BpfException ENOENT when tracefs is missing or has no such tracepoint
   */
  public static long tracepointId(String category, String name) {
    Path root =
        root()
            .orElseThrow(
                () ->
                    new BpfException(
                        "tracefs",
                        "not mounted (mount -t tracefs nodev /sys/kernel/tracing)",
                        Errno.ENOENT.value()));
    Path id = root.resolve("events").resolve(category).resolve(name).resolve("id");
    try {
      return Long.parseLong(Files.readString(id).strip());
    } catch (NoSuchFileException e) {
      throw new BpfException(
          "tracefs", "no tracepoint " + category + "/" + name, Errno.ENOENT.value());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + id, e);
    }
  }
}
