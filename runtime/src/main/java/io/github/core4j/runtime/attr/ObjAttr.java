package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr} for {@code BPF_OBJ_PIN} and {@code BPF_OBJ_GET}. */
public final class ObjAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u64("pathname"), u32("bpf_fd"), u32("file_flags"), u32("path_fd"), pad(4));

  private static final long PATHNAME = offset(LAYOUT, "pathname");
  private static final long BPF_FD = offset(LAYOUT, "bpf_fd");
  private static final long FILE_FLAGS = offset(LAYOUT, "file_flags");

  /** A zeroed attr in {@code arena}. */
  public ObjAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code pathname}: a NUL-terminated path on a bpf filesystem. */
  public ObjAttr pathname(MemorySegment v) {
    putAddress(PATHNAME, v);
    return this;
  }

  /** {@code bpf_fd}: the object to pin. */
  public ObjAttr bpfFd(int v) {
    putInt(BPF_FD, v);
    return this;
  }

  /** {@code file_flags}: {@code BPF_F_RDONLY} / {@code BPF_F_WRONLY} for {@code BPF_OBJ_GET}. */
  public ObjAttr fileFlags(int v) {
    putInt(FILE_FLAGS, v);
    return this;
  }
}
