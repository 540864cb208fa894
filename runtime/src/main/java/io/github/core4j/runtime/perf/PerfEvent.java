package io.github.core4j.runtime.perf;

import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Libc;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;

/**
 * Opening perf events ({@code perf_event_open(2)}) for BPF: tracepoints and kprobes to attach
 * programs to, and per-CPU BPF-output events behind a perf event array. Also the ioctls that enable
 * them and attach programs the pre-link way.
 */
public final class PerfEvent {
  /** {@code PERF_FLAG_FD_CLOEXEC}. */
  public static final long FLAG_FD_CLOEXEC = 1L << 3;

  /** {@code PERF_EVENT_IOC_ENABLE}. */
  public static final long IOC_ENABLE = 0x2400;

  /** {@code PERF_EVENT_IOC_DISABLE}. */
  public static final long IOC_DISABLE = 0x2401;

  /** {@code PERF_EVENT_IOC_SET_BPF}: {@code _IOW('$', 8, __u32)}. */
  public static final long IOC_SET_BPF = 0x40042408L;

  private PerfEvent() {}

  /**
   * Opens tracepoint {@code id} (from tracefs {@code events/CAT/NAME/id}) on CPU 0 for all
   * processes; a BPF program attached to it runs on every CPU.
   */
  public static Fd tracepoint(long id, String name) {
    try (Arena arena = Arena.ofConfined()) {
      PerfEventAttr attr =
          new PerfEventAttr(arena)
              .type(PerfEventAttr.TYPE_TRACEPOINT)
              .config(id)
              .samplePeriod(1)
              .wakeupEvents(1);
      return open(attr, -1, 0, "tracepoint " + name);
    }
  }

  /**
   * Opens a kprobe (or kretprobe) on kernel function {@code function} through the kprobe PMU
   * ({@link KprobePmu}).
   */
  public static Fd kprobe(KprobePmu pmu, String function, long offset, boolean retprobe) {
    try (Arena arena = Arena.ofConfined()) {
      PerfEventAttr attr =
          new PerfEventAttr(arena)
              .type(pmu.type())
              .config(retprobe ? 1L << pmu.retprobeBit() : 0)
              .config1(arena.allocateFrom(function))
              .config2(offset)
              .samplePeriod(1)
              .wakeupEvents(1);
      return open(attr, -1, 0, (retprobe ? "kretprobe " : "kprobe ") + function);
    }
  }

  /**
   * Opens the BPF-output software event of {@code cpu}, the sink of {@code bpf_perf_event_output}.
   */
  public static Fd bpfOutput(int cpu) {
    try (Arena arena = Arena.ofConfined()) {
      PerfEventAttr attr =
          new PerfEventAttr(arena)
              .type(PerfEventAttr.TYPE_SOFTWARE)
              .config(PerfEventAttr.COUNT_SW_BPF_OUTPUT)
              .sampleType(PerfEventAttr.SAMPLE_RAW)
              .samplePeriod(1)
              .wakeupEvents(1);
      return open(attr, -1, cpu, "BPF output on CPU " + cpu);
    }
  }

  private static Fd open(PerfEventAttr attr, int pid, int cpu, String subject) {
    long r = Syscall.perfEventOpen(attr.segment(), pid, cpu, -1, FLAG_FD_CLOEXEC);
    if (r < 0) {
      throw new BpfException("perf_event_open", subject, (int) -r);
    }
    return Fd.adopt((int) r);
  }

  /** {@code ioctl(fd, request, arg)}, throwing on failure. */
  public static void ioctl(Fd fd, long request, long arg, String what) {
    int r = Libc.ioctl(fd.value(), request, arg);
    if (r < 0) {
      throw new BpfException("ioctl " + what, "perf event " + fd, -r);
    }
  }
}
