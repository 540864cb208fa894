package io.github.core4j.runtime.link;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.perf.PerfEvent;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Libc;
import org.jspecify.annotations.Nullable;

/**
 * A program attached to a perf event (tracepoint, kprobe, kretprobe). On Linux 5.15+ through a
 * {@code BPF_PERF_EVENT} link; on older kernels the pre-link way, {@code PERF_EVENT_IOC_SET_BPF}
 * then {@code PERF_EVENT_IOC_ENABLE}. Closing disables the event and closes both fds.
 */
public final class PerfEventLink implements Link {
  private final Fd perfEvent;
  private final @Nullable BpfLink link;
  private final String description;

  private PerfEventLink(Fd perfEvent, @Nullable BpfLink link, String description) {
    this.perfEvent = perfEvent;
    this.link = link;
    this.description = description;
  }

  /** Attaches {@code program} to the open perf event {@code perfEvent}, taking ownership of it. */
  public static PerfEventLink attach(BpfProgram program, Fd perfEvent, String description) {
    try {
      long r =
          LinkCreate.tryCreate(
              program.fd().value(),
              perfEvent.value(),
              AttachType.PERF_EVENT.value(),
              0,
              attr -> {});
      if (r >= 0) {
        return new PerfEventLink(
            perfEvent, new BpfLink(Fd.adopt((int) r), description), description);
      }
      if (r != -Errno.EINVAL.value() && r != -Errno.EOPNOTSUPP.value()) {
        throw new BpfException("BPF_LINK_CREATE", description, (int) -r);
      }
      // Kernels before 5.15 have no perf_event links.
      return attachWithIoctl(program, perfEvent, description);
    } catch (RuntimeException e) {
      perfEvent.close();
      throw e;
    }
  }

  /** The pre-5.15 way: {@code PERF_EVENT_IOC_SET_BPF}, then enable the event. */
  static PerfEventLink attachWithIoctl(BpfProgram program, Fd perfEvent, String description) {
    PerfEvent.ioctl(perfEvent, PerfEvent.IOC_SET_BPF, program.fd().value(), "SET_BPF");
    PerfEvent.ioctl(perfEvent, PerfEvent.IOC_ENABLE, 0, "ENABLE");
    return new PerfEventLink(perfEvent, null, description);
  }

  /** The perf event's fd. */
  public Fd perfEvent() {
    return perfEvent;
  }

  /** The BPF link when the kernel had perf_event links, else null (ioctl attachment). */
  public @Nullable BpfLink bpfLink() {
    return link;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    if (perfEvent.isOpen()) {
      BpfLink l = link;
      if (l != null) {
        l.close();
      } else {
        Libc.ioctl(perfEvent.value(), PerfEvent.IOC_DISABLE, 0);
      }
      perfEvent.close();
    }
  }

  @Override
  public String toString() {
    return description + " " + perfEvent;
  }
}
