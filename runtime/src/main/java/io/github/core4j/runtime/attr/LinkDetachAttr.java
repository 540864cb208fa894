package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr.link_detach} for {@code BPF_LINK_DETACH}. */
public final class LinkDetachAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT = MemoryLayout.structLayout(u32("link_fd"));

  private static final long LINK_FD = offset(LAYOUT, "link_fd");

  /** A zeroed attr in {@code arena}. */
  public LinkDetachAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code link_fd}. */
  public LinkDetachAttr linkFd(int v) {
    putInt(LINK_FD, v);
    return this;
  }
}
