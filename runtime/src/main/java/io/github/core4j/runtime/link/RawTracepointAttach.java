package io.github.core4j.runtime.link;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.RawTracepointOpenAttr;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.Nullable;

/**
 * Attaching raw tracepoint programs ({@code SEC("raw_tp/NAME")}) by tracepoint name with {@code
 * BPF_RAW_TRACEPOINT_OPEN}, which returns a link fd. With no name it attaches a tracing program
 * (tp_btf, fentry...) to the target it was loaded for, the pre-5.10 way.
 */
public final class RawTracepointAttach {
  private RawTracepointAttach() {}

  /** Attaches {@code program} to raw tracepoint {@code name} ({@code sys_enter}). */
  public static BpfLink attach(BpfProgram program, String name) {
    return open(program, name, "raw_tp " + name + " of " + program.describe());
  }

  /** Attaches a tracing program to its load-time target. */
  static BpfLink attachToLoadTarget(BpfProgram program) {
    return open(program, null, "tracing link of " + program.describe());
  }

  private static BpfLink open(BpfProgram program, @Nullable String name, String description) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment n = name == null ? MemorySegment.NULL : arena.allocateFrom(name);
      RawTracepointOpenAttr attr =
          new RawTracepointOpenAttr(arena).name(n).progFd(program.fd().value());
      return new BpfLink(
          Syscall.bpfFd(BpfCommand.RAW_TRACEPOINT_OPEN, attr.segment(), attr.size(), description),
          description);
    }
  }
}
