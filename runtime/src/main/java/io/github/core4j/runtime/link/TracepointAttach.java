package io.github.core4j.runtime.link;

import io.github.core4j.runtime.perf.PerfEvent;
import io.github.core4j.runtime.perf.Tracefs;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Fd;

/**
 * Attaching tracepoint programs ({@code SEC("tracepoint/CAT/NAME")}): the tracepoint's id from
 * tracefs, a {@code PERF_TYPE_TRACEPOINT} perf event, and a {@link PerfEventLink}.
 */
public final class TracepointAttach {
  private TracepointAttach() {}

  /**
   * Attaches {@code program} to tracepoint {@code category/name} ({@code
   * syscalls/sys_enter_getpid}).
   */
  public static PerfEventLink attach(BpfProgram program, String category, String name) {
    long id = Tracefs.tracepointId(category, name);
    Fd event = PerfEvent.tracepoint(id, category + "/" + name);
    return PerfEventLink.attach(
        program, event, "tracepoint " + category + "/" + name + " of " + program.describe());
  }
}
