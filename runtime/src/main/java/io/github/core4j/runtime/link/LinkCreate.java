package io.github.core4j.runtime.link;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.attr.LinkCreateAttr;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.util.function.Consumer;

/** {@code BPF_LINK_CREATE}: the one syscall behind most attach kinds. */
final class LinkCreate {
  private LinkCreate() {}

  /** Creates a link; {@code tail} fills the attach-kind-specific part of the attr. */
  static BpfLink create(
      int progFd,
      int target,
      int attachType,
      int flags,
      Consumer<LinkCreateAttr> tail,
      String description) {
    long r = tryCreate(progFd, target, attachType, flags, tail);
    if (r < 0) {
      throw new BpfException(BpfCommand.LINK_CREATE.kernelName(), description, (int) -r);
    }
    return new BpfLink(Fd.adopt((int) r), description);
  }

  /** Like {@link #create} but returns the fd or {@code -errno}, for callers with a fallback. */
  static long tryCreate(
      int progFd, int target, int attachType, int flags, Consumer<LinkCreateAttr> tail) {
    try (Arena arena = Arena.ofConfined()) {
      LinkCreateAttr attr =
          new LinkCreateAttr(arena)
              .progFd(progFd)
              .target(target)
              .attachType(attachType)
              .flags(flags);
      tail.accept(attr);
      return Syscall.bpf(BpfCommand.LINK_CREATE, attr.segment(), attr.size());
    }
  }
}
