package io.github.core4j.runtime.link;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.LinkDetachAttr;
import io.github.core4j.runtime.obj.BpfFs;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.nio.file.Path;

/**
 * A kernel BPF link ({@code BPF_LINK_CREATE}, {@code BPF_RAW_TRACEPOINT_OPEN}): the attachment
 * lives as long as its fd or a pin does.
 */
public final class BpfLink implements Link {
  private final Fd fd;
  private final String description;

  BpfLink(Fd fd, String description) {
    this.fd = fd;
    this.description = description;
  }

  /** Opens the link pinned at {@code path}. */
  public static BpfLink pinned(Path path) {
    return new BpfLink(BpfFs.get(path, 0), "link pinned at " + path);
  }

  /** The link's fd. */
  public Fd fd() {
    return fd;
  }

  /** What the kernel says about the link. */
  public LinkInfo info() {
    return LinkInfo.of(fd);
  }

  /** Pins the link, so the attachment outlives this process. */
  public void pin(Path path) {
    BpfFs.pin(fd, path);
  }

  /**
   * Detaches the program now ({@code BPF_LINK_DETACH}, Linux 5.9+) even if pins or other fds hold
   * the link; the fd stays open until {@link #close()}.
   */
  public void detach() {
    try (Arena arena = Arena.ofConfined()) {
      LinkDetachAttr attr = new LinkDetachAttr(arena).linkFd(fd.value());
      Syscall.bpfOrThrow(BpfCommand.LINK_DETACH, attr.segment(), attr.size(), description);
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    fd.close();
  }

  @Override
  public String toString() {
    return description + " " + fd;
  }
}
