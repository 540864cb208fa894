package io.github.core4j.reloc.matrix.report;

import io.github.core4j.reloc.matrix.KernelRow;
import io.github.core4j.reloc.matrix.MatrixListener;
import io.github.core4j.reloc.matrix.MatrixSummary;
import io.github.core4j.reloc.matrix.ObjectCheck;
import io.github.core4j.reloc.matrix.Progress;
import java.io.PrintStream;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A progress bar for terminals, redrawn in place on one line (at most ten times a second): kernels
 * done of expected, kernels per second, and the time left.
 *
 * <pre>
 * [##########..........]  57/120 kernels  41.3/s  ETA 0:02
 * </pre>
 *
 * The line is erased when the run ends. Use it only when the stream is a terminal; {@link #around}
 * keeps table rows printed to the same terminal from running into the bar.
 */
public final class ProgressBar implements Progress {
  private static final int BAR = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final LongSupplier clock;
  private final long start;
  private long lastDraw = Long.MIN_VALUE;
  private int done;
  private int expected;
  private int drawnWidth;

  /** A bar on {@code out} (stderr). */
  public ProgressBar(PrintStream out) {
    this(out, System::nanoTime);
  }

  /** A bar on {@code out} with the time in nanoseconds from {@code clock}. */
  public ProgressBar(PrintStream out, LongSupplier clock) {
    this.out = out;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  @Override
  public synchronized void update(int done, int expected) {
    this.done = done;
    this.expected = expected;
    long now = clock.getAsLong();
    if (done == expected || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw(line(done, expected, now - start));
    }
  }

  @Override
  public synchronized void finish() {
    clear();
  }

  /** Erases the bar (before something else is printed to the terminal). */
  public synchronized void clear() {
    if (drawnWidth > 0) {
      out.print("\r" + " ".repeat(drawnWidth) + "\r");
      out.flush();
      drawnWidth = 0;
    }
  }

  /** Draws the bar again after {@link #clear}. */
  public synchronized void redraw() {
    if (expected > 0) {
      draw(line(done, expected, clock.getAsLong() - start));
    }
  }

  /** {@code listener}, with the bar erased while each of its rows is printed. */
  public MatrixListener around(MatrixListener listener) {
    return new MatrixListener() {
      @Override
      public void start(List<ObjectCheck> objects) {
        listener.start(objects);
      }

      @Override
      public void row(KernelRow row) {
        clear();
        listener.row(row);
        redraw();
      }

      @Override
      public void finish(MatrixSummary summary) {
        clear();
        listener.finish(summary);
      }
    };
  }

  /** The bar's text for {@code done} of {@code expected} kernels after {@code elapsed} ns. */
  static String line(int done, int expected, long elapsedNanos) {
    int total = Math.max(expected, done);
    int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
    StringBuilder b = new StringBuilder("[");
    b.append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ");
    String width = String.valueOf(total);
    b.append(" ".repeat(Math.max(0, width.length() - String.valueOf(done).length())))
        .append(done)
        .append('/')
        .append(total)
        .append(" kernels");
    double seconds = elapsedNanos / 1e9;
    if (done > 0 && seconds > 0) {
      double rate = done / seconds;
      b.append(String.format("  %.1f/s", rate));
      long left = Math.round((total - done) / rate);
      b.append(String.format("  ETA %d:%02d", left / 60, left % 60));
    }
    return b.toString();
  }

  private void draw(String line) {
    out.print(
        "\r" + line + (line.length() < drawnWidth ? " ".repeat(drawnWidth - line.length()) : ""));
    out.flush();
    drawnWidth = line.length();
  }
}
