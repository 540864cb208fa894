package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr} for {@code BPF_PROG_ATTACH} and {@code BPF_PROG_DETACH}. */
public final class ProgAttachAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("target_fd"),
          u32("attach_bpf_fd"),
          u32("attach_type"),
          u32("attach_flags"),
          u32("replace_bpf_fd"),
          u32("relative_fd"),
          u64("expected_revision"));

  private static final long TARGET_FD = offset(LAYOUT, "target_fd");
  private static final long ATTACH_BPF_FD = offset(LAYOUT, "attach_bpf_fd");
  private static final long ATTACH_TYPE = offset(LAYOUT, "attach_type");
  private static final long ATTACH_FLAGS = offset(LAYOUT, "attach_flags");

  /** A zeroed attr in {@code arena}. */
  public ProgAttachAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code target_fd} / {@code target_ifindex}. */
  public ProgAttachAttr target(int v) {
    putInt(TARGET_FD, v);
    return this;
  }

  /** {@code attach_bpf_fd}. */
  public ProgAttachAttr attachBpfFd(int v) {
    putInt(ATTACH_BPF_FD, v);
    return this;
  }

  /** {@code attach_type}. */
  public ProgAttachAttr attachType(int v) {
    putInt(ATTACH_TYPE, v);
    return this;
  }

  /** {@code attach_flags} ({@code BPF_F_ALLOW_MULTI}...). */
  public ProgAttachAttr attachFlags(int v) {
    putInt(ATTACH_FLAGS, v);
    return this;
  }
}
