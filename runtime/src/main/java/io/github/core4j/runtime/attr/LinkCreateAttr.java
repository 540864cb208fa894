package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/**
 * {@code union bpf_attr.link_create} for {@code BPF_LINK_CREATE}. The per-attach-type tail is a
 * union; this class names its slots by what each attach kind puts there.
 */
public final class LinkCreateAttr extends Attr {
  /** The kernel's layout; {@code extra} covers the largest member of the tail union. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("prog_fd"),
          u32("target_fd"),
          u32("attach_type"),
          u32("flags"),
          u32("tail_u32"),
          pad(4),
          u64("tail_u64"),
          MemoryLayout.sequenceLayout(32, ValueLayout.JAVA_BYTE).withName("extra"));

  private static final long PROG_FD = offset(LAYOUT, "prog_fd");
  private static final long TARGET_FD = offset(LAYOUT, "target_fd");
  private static final long ATTACH_TYPE = offset(LAYOUT, "attach_type");
  private static final long FLAGS = offset(LAYOUT, "flags");
  private static final long TAIL_U32 = offset(LAYOUT, "tail_u32");
  private static final long TAIL_U64 = offset(LAYOUT, "tail_u64");

  /** A zeroed attr in {@code arena}. */
  public LinkCreateAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code prog_fd}. */
  public LinkCreateAttr progFd(int v) {
    putInt(PROG_FD, v);
    return this;
  }

  /** {@code target_fd} or {@code target_ifindex} (a cgroup, perf event, netdev...). */
  public LinkCreateAttr target(int v) {
    putInt(TARGET_FD, v);
    return this;
  }

  /** {@code attach_type}. */
  public LinkCreateAttr attachType(int v) {
    putInt(ATTACH_TYPE, v);
    return this;
  }

  /** {@code flags} (XDP mode flags, {@code BPF_F_BEFORE}...). */
  public LinkCreateAttr flags(int v) {
    putInt(FLAGS, v);
    return this;
  }

  /** {@code target_btf_id} (tracing, iter). */
  public LinkCreateAttr targetBtfId(int v) {
    putInt(TAIL_U32, v);
    return this;
  }

  /** {@code perf_event.bpf_cookie}. */
  public LinkCreateAttr perfEventCookie(long v) {
    putLong(TAIL_U32, v);
    return this;
  }

  /** {@code tracing.cookie} (after {@code tracing.target_btf_id}). */
  public LinkCreateAttr tracingCookie(long v) {
    putLong(TAIL_U64, v);
    return this;
  }

  /** {@code tcx.relative_fd} / {@code cgroup.relative_fd} / {@code netkit.relative_fd}. */
  public LinkCreateAttr relativeFd(int v) {
    putInt(TAIL_U32, v);
    return this;
  }

  /** {@code tcx.expected_revision} / {@code cgroup.expected_revision}. */
  public LinkCreateAttr expectedRevision(long v) {
    putLong(TAIL_U64, v);
    return this;
  }
}
