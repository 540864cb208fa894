package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.prog.TestRunOptions;
import io.github.core4j.runtime.prog.TestRunResult;

/**
 * A program whose type the kernel can run on demand ({@code BPF_PROG_TEST_RUN}): XDP, tc, socket
 * filter, cgroup skb, LWT, flow dissector, sk_lookup, syscall.
 */
public sealed class RunnableProgram extends ProgramHandle permits XdpProgram, RawTracepointProgram {
  /** The program {@code name} of {@code skeleton}. */
  public RunnableProgram(BpfSkeleton skeleton, String name) {
    super(skeleton, name);
  }

  /** Runs the program once over {@code data} (a packet, or a syscall program's context). */
  public TestRunResult testRun(byte[] data) {
    return program().testRun(data);
  }

  /** Runs the program as {@code options} say (context, repetitions, CPU). */
  public TestRunResult testRun(TestRunOptions options) {
    return program().testRun(options);
  }
}
