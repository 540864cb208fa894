package io.github.core4j.runtime.obj;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.ObjAttr;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Pinning on the BPF filesystem: {@code BPF_OBJ_PIN} gives a map, program or link a path that
 * outlives this process, {@code BPF_OBJ_GET} opens it again. Paths must lie on a mounted bpffs
 * (usually {@code /sys/fs/bpf}).
 */
public final class BpfFs {
  /** Where distributions mount the BPF filesystem. */
  public static final Path DEFAULT_MOUNT = Path.of("/sys/fs/bpf");

  /** {@code BPF_F_RDONLY}: open a pinned map read-only. */
  public static final int RDONLY = 1 << 3;

  /** {@code BPF_F_WRONLY}: open a pinned map write-only. */
  public static final int WRONLY = 1 << 4;

  private BpfFs() {}

  /** Pins the object behind {@code fd} at {@code path} ({@code BPF_OBJ_PIN}). */
  public static void pin(Fd fd, Path path) {
    try (Arena arena = Arena.ofConfined()) {
      ObjAttr attr =
          new ObjAttr(arena)
              .pathname(arena.allocateFrom(path.toAbsolutePath().toString()))
              .bpfFd(fd.value());
      Syscall.bpfOrThrow(BpfCommand.OBJ_PIN, attr.segment(), attr.size(), "pin at " + path);
    }
  }

  /**
   * Opens the object pinned at {@code path} ({@code BPF_OBJ_GET}); {@code flags}: 0, RDONLY,
   * WRONLY.
   */
  public static Fd get(Path path, int flags) {
    try (Arena arena = Arena.ofConfined()) {
      ObjAttr attr =
          new ObjAttr(arena)
              .pathname(arena.allocateFrom(path.toAbsolutePath().toString()))
              .fileFlags(flags);
      return Syscall.bpfFd(BpfCommand.OBJ_GET, attr.segment(), attr.size(), "pinned " + path);
    }
  }

  /** Removes a pin (the object lives on while other fds or pins hold it). */
  public static void unpin(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpin " + path, e);
    }
  }

  /** The mount point of a bpf filesystem that contains {@code path}, if any. */
  public static Optional<Path> mountContaining(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Mount best = null;
    for (Mount m : mounts()) {
      // The deepest mount point wins; on the same point, the later mount hides the earlier.
      if (abs.startsWith(m.point())
          && (best == null || m.point().getNameCount() >= best.point().getNameCount())) {
        best = m;
      }
    }
    return best != null && best.type().equals("bpf") ? Optional.of(best.point()) : Optional.empty();
  }

  /** Whether {@code path} lies on a mounted bpf filesystem. */
  public static boolean isOnBpfFs(Path path) {
    return mountContaining(path).isPresent();
  }

  private record Mount(Path point, String type) {}

  private static List<Mount> mounts() {
    try {
      return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
          .map(l -> l.split(" ", -1))
          .filter(f -> f.length >= 3)
          .map(f -> new Mount(Path.of(unescape(f[1])), f[2]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/mounts", e);
    }
  }

  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n");
  }
}
