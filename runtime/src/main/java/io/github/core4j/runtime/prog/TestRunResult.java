package io.github.core4j.runtime.prog;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What {@code BPF_PROG_TEST_RUN} reports.
 *
 * @param returnValue the program's return value ({@code XDP_DROP} is 1, {@code XDP_PASS} 2...)
 * @param dataOut the packet as the program left it (empty for programs without packet data)
 * @param duration the mean time of one run as the kernel measured it
 * @param context the context struct after the run, for {@code syscall} programs (which write their
 *     results into it); empty for other programs
 */
@SuppressWarnings("ArrayRecordComponent") // bytes as the kernel exchanges them
public record TestRunResult(int returnValue, byte[] dataOut, Duration duration, byte[] context) {
  /** A result without a context. */
  public TestRunResult(int returnValue, byte[] dataOut, Duration duration) {
    this(returnValue, dataOut, duration, new byte[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestRunResult r
        && r.returnValue == returnValue
        && Arrays.equals(r.dataOut, dataOut)
        && r.duration.equals(duration)
        && Arrays.equals(r.context, context);
  }

  @Override
  public int hashCode() {
    return ((31 * returnValue + Arrays.hashCode(dataOut)) * 31 + duration.hashCode()) * 31
        + Arrays.hashCode(context);
  }

  @Override
  public String toString() {
    return "TestRunResult[returnValue="
        + returnValue
        + ", dataOut="
        + HexFormat.of().formatHex(dataOut)
        + ", duration="
        + duration
        + (context.length > 0 ? ", context=" + HexFormat.of().formatHex(context) : "")
        + "]";
  }
}
