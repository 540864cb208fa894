package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code union bpf_attr.raw_tracepoint} for {@code BPF_RAW_TRACEPOINT_OPEN}, which attaches raw
 * tracepoint programs by name and (with a {@code NULL} name) tracing programs on old kernels.
 */
public final class RawTracepointOpenAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(u64("name"), u32("prog_fd"), pad(4), u64("cookie"));

  private static final long NAME = offset(LAYOUT, "name");
  private static final long PROG_FD = offset(LAYOUT, "prog_fd");

  /** A zeroed attr in {@code arena}. */
  public RawTracepointOpenAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code name}: the tracepoint's NUL-terminated name, or {@code NULL}. */
  public RawTracepointOpenAttr name(MemorySegment v) {
    putAddress(NAME, v);
    return this;
  }

  /** {@code prog_fd}. */
  public RawTracepointOpenAttr progFd(int v) {
    putInt(PROG_FD, v);
    return this;
  }

  /** The size without {@code cookie}, accepted by kernels older than the cookie field too. */
  @Override
  public long size() {
    return 16;
  }
}
