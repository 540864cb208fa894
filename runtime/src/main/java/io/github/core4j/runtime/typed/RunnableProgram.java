package io.github.core4j.runtime.typed;

import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.prog.BpfProgram;
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

  /**
   * Runs the program once over {@code data}: a packet, or for a {@code syscall} program its context
   * struct, which the program may write back ({@link TestRunResult#context()}).
   */
  public TestRunResult testRun(byte[] data) {
    BpfProgram p = program();
    if (p.type() == ProgramType.SYSCALL) {
      // the kernel refuses packet data and a repeat count for syscall programs (EINVAL)
      return p.testRun(new TestRunOptions(new byte[0], 0, data, 0, 0, 0));
    }
    return p.testRun(data);
  }

  /** Runs the program as {@code options} say (context, repetitions, CPU). */
  public TestRunResult testRun(TestRunOptions options) {
    return program().testRun(options);
  }
}
