package io.github.core4j.runtime.prog;

import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.TestRunAttr;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/** {@code BPF_PROG_TEST_RUN}: runs a loaded program once (or N times) on a given input. */
final class TestRun {
  /** Room beyond the input for programs that grow the packet (bpf_xdp_adjust_tail...). */
  static final int HEADROOM = 256;

  private TestRun() {}

  static TestRunResult run(BpfProgram program, TestRunOptions options) {
    try (Arena arena = Arena.ofConfined()) {
      TestRunAttr attr =
          new TestRunAttr(arena)
              .progFd(program.fd().value())
              .repeat(options.repeat())
              .flags(options.flags())
              .cpu(options.cpu());
      byte[] data = options.data();
      MemorySegment out = MemorySegment.NULL;
      if (data.length > 0) {
        attr.dataIn(copy(arena, data));
        int capacity =
            options.dataOutCapacity() > 0 ? options.dataOutCapacity() : data.length + HEADROOM;
        out = arena.allocate(capacity, 8);
        attr.dataOut(out);
      }
      MemorySegment ctx = MemorySegment.NULL;
      if (options.context().length > 0) {
        ctx = copy(arena, options.context());
        attr.ctxIn(ctx);
      }
      Syscall.bpfOrThrow(BpfCommand.PROG_TEST_RUN, attr.segment(), attr.size(), program.describe());
      byte[] dataOut =
          data.length > 0
              ? out.asSlice(0, Math.min(attr.dataSizeOut(), out.byteSize()))
                  .toArray(ValueLayout.JAVA_BYTE)
              : new byte[0];
      // syscall programs write their results back into the context they were given
      byte[] context =
          program.type() == ProgramType.SYSCALL && ctx.byteSize() > 0
              ? ctx.toArray(ValueLayout.JAVA_BYTE)
              : new byte[0];
      return new TestRunResult(
          attr.retval(),
          dataOut,
          Duration.ofNanos(Integer.toUnsignedLong(attr.duration())),
          context);
    }
  }

  private static MemorySegment copy(Arena arena, byte[] bytes) {
    MemorySegment s = arena.allocate(bytes.length, 8);
    MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return s;
  }
}
