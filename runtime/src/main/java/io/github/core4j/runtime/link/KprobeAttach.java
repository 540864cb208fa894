package io.github.core4j.runtime.link;

import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.perf.KprobePmu;
import io.github.core4j.runtime.perf.PerfEvent;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Fd;

/**
 * Attaching kprobe programs to kernel functions: a perf event on the kprobe PMU (entry, or return
 * with the PMU's retprobe bit), carrying the program through a {@link PerfEventLink}.
 */
public final class KprobeAttach {
  private KprobeAttach() {}

  /** Attaches to the entry of {@code function} (plus {@code offset} bytes). */
  public static PerfEventLink kprobe(BpfProgram program, String function, long offset) {
    return attach(program, function, offset, false);
  }

  /** Attaches to the returns of {@code function}. */
  public static PerfEventLink kretprobe(BpfProgram program, String function) {
    return attach(program, function, 0, true);
  }

  private static PerfEventLink attach(
      BpfProgram program, String function, long offset, boolean retprobe) {
    String what = (retprobe ? "kretprobe " : "kprobe ") + function;
    KprobePmu pmu =
        KprobePmu.find()
            .orElseThrow(
                () ->
                    new BpfException(
                        "perf_event_open",
                        what
                            + ": this kernel has no kprobe PMU ("
                            + KprobePmu.SYSFS
                            + " is missing; CONFIG_KPROBE_EVENTS off?)",
                        Errno.ENOENT.value()));
    Fd event = PerfEvent.kprobe(pmu, function, offset, retprobe);
    return PerfEventLink.attach(program, event, what + " of " + program.describe());
  }
}
