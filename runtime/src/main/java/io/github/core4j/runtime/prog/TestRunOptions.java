package io.github.core4j.runtime.prog;

/**
 * Input of {@code BPF_PROG_TEST_RUN}.
 *
 * @param data the packet (XDP, TC, socket filter) or empty
 * @param dataOutCapacity room for the output packet (0: the input's size plus 256 bytes headroom)
 * @param context the context struct ({@code struct xdp_md}, {@code struct __sk_buff}, raw_tp args)
 *     or empty
 * @param repeat how many times to run (0 or 1: once); the duration is the mean
 * @param flags {@code BPF_F_TEST_RUN_ON_CPU} (1), {@code BPF_F_TEST_XDP_LIVE_FRAMES} (2)
 * @param cpu the CPU with {@code BPF_F_TEST_RUN_ON_CPU}
 */
@SuppressWarnings("ArrayRecordComponent") // bytes as the kernel exchanges them
public record TestRunOptions(
    byte[] data, int dataOutCapacity, byte[] context, int repeat, int flags, int cpu) {
  /** One run over {@code data}. */
  public static TestRunOptions of(byte[] data) {
    return new TestRunOptions(data, 0, new byte[0], 1, 0, 0);
  }

  /** With {@code n} repetitions. */
  public TestRunOptions withRepeat(int n) {
    return new TestRunOptions(data, dataOutCapacity, context, n, flags, cpu);
  }

  /** With a context struct. */
  public TestRunOptions withContext(byte[] ctx) {
    return new TestRunOptions(data, dataOutCapacity, ctx, repeat, flags, cpu);
  }
}
