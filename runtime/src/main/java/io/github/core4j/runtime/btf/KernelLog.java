package io.github.core4j.runtime.btf;

import io.github.core4j.runtime.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The verifier-log protocol shared by {@code BPF_PROG_LOAD} and {@code BPF_BTF_LOAD}, as libbpf
 * runs it: load without a log first (cheap); if that fails, load again with log level 1 to learn
 * why; whenever the kernel answers ENOSPC because the log did not fit, grow the buffer (to the size
 * the kernel reports needing, or twice the size) and retry.
 */
public final class KernelLog {
  /** The first log buffer's size. */
  public static final int INITIAL_SIZE = 256 * 1024;

  /** The largest log the kernel accepts ({@code UINT_MAX >> 2}, minus one). */
  public static final int MAX_SIZE = (int) ((0xFFFF_FFFFL >>> 2) - 1);

  private KernelLog() {}

  /** One load attempt with a given log level and buffer ({@code NULL} for none). */
  public interface Attempt {
    /** Runs the load: its result, or {@code -errno}. */
    long load(int logLevel, MemorySegment buffer);

    /** The log size the kernel reported needing in the last attempt (0 when it does not say). */
    int trueSize();
  }

  /** What the protocol ended with: the load's result (or {@code -errno}) and the log, if any. */
  public record Outcome(long result, @Nullable String log) {
    /** Whether the load succeeded. */
    public boolean ok() {
      return result >= 0;
    }
  }

  /**
   * Runs {@code attempt} under the protocol. With {@code logLevel = 0} no log is collected unless
   * the load fails; with a higher level the log is collected from the start (and returned on
   * success too).
   */
  public static Outcome run(int logLevel, Attempt attempt) {
    return run(logLevel, INITIAL_SIZE, attempt);
  }

  /** {@link #run(int, Attempt)} starting from a log buffer of {@code initialSize} bytes. */
  public static Outcome run(int logLevel, int initialSize, Attempt attempt) {
    if (logLevel == 0) {
      long r = attempt.load(0, MemorySegment.NULL);
      if (r >= 0) {
        return new Outcome(r, null);
      }
      logLevel = 1;
    }
    int size = Math.max(initialSize, 128);
    while (true) {
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment buffer = arena.allocate(size);
        long r = attempt.load(logLevel, buffer);
        String log = text(buffer);
        if (r == -Errno.ENOSPC.value() && size < MAX_SIZE) {
          int needed = attempt.trueSize();
          size = needed > size ? needed : (int) Math.min((long) size * 2, MAX_SIZE);
          continue;
        }
        return new Outcome(r, log);
      }
    }
  }

  /** The NUL-terminated text in {@code buffer}. */
  static String text(MemorySegment buffer) {
    long n = 0;
    long max = buffer.byteSize();
    while (n < max && buffer.get(ValueLayout.JAVA_BYTE, n) != 0) {
      n++;
    }
    byte[] bytes = buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
