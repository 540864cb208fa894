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
 */
@SuppressWarnings("ArrayRecordComponent") // bytes as the kernel exchanges them
public record TestRunResult(int returnValue, byte[] dataOut, Duration duration) {
  @Override
  public boolean equals(Object o) {
    return o instanceof TestRunResult r
        && r.returnValue == returnValue
        && Arrays.equals(r.dataOut, dataOut)
        && r.duration.equals(duration);
  }

  @Override
  public int hashCode() {
    return (31 * returnValue + Arrays.hashCode(dataOut)) * 31 + duration.hashCode();
  }

  @Override
  public String toString() {
    return "TestRunResult[returnValue="
        + returnValue
        + ", dataOut="
        + HexFormat.of().formatHex(dataOut)
        + ", duration="
        + duration
        + "]";
  }
}
