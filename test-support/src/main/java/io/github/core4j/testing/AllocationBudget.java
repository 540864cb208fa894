package io.github.core4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Bounds what parsing an input may allocate: a fixed allowance plus a multiple of the input's
 * length. Parsers must check every count from the input against the bytes available before
 * allocating by it, so a small hostile file can never make them allocate much; the fuzz targets run
 * each parse inside a budget, which turns an allocation sized by an unchecked count into a finding
 * even when the heap would have held it.
 *
 * <p>Counts the bytes this thread allocates (garbage included), through {@code
 * com.sun.management.ThreadMXBean}.
 */
public final class AllocationBudget {
  /** What any parse may allocate regardless of input length: tables, caches, a stack trace. */
  public static final long FIXED = 64L << 20;

  /** What a parse may allocate per input byte beyond {@link #FIXED}. */
  public static final long PER_INPUT_BYTE = 256;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationBudget() {}

  /**
   * Runs {@code parse} of an {@code inputLength}-byte input and fails if it allocated more than the
   * budget; returns its result or rethrows its exception. A run over budget is measured once more
   * before failing, because the first run of a code path also allocates for loading (and, when
   * fuzzing, instrumenting) its classes; parsing is deterministic, so the repeat measures the parse
   * alone.
   */
  public static <T> T parse(int inputLength, String what, Supplier<T> parse) {
    long budget = FIXED + PER_INPUT_BYTE * inputLength;
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      return parse.get();
    } finally {
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      if (allocated > budget) {
        long again = THREADS.getCurrentThreadAllocatedBytes();
        try {
          var unused = parse.get();
        } catch (RuntimeException sameFailure) {
          // measured below; the first run's outcome is the one returned
        }
        allocated = THREADS.getCurrentThreadAllocatedBytes() - again;
        if (allocated > budget) {
          fail(
              what
                  + " of a "
                  + inputLength
                  + "-byte input allocated "
                  + allocated
                  + " bytes, over its budget of "
                  + budget);
        }
      }
    }
  }
}
