package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr.info} for {@code BPF_OBJ_GET_INFO_BY_FD}. */
public final class ObjInfoAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(u32("bpf_fd"), u32("info_len"), u64("info"));

  private static final long BPF_FD = offset(LAYOUT, "bpf_fd");
  private static final long INFO_LEN = offset(LAYOUT, "info_len");
  private static final long INFO = offset(LAYOUT, "info");

  /** A zeroed attr in {@code arena}. */
  public ObjInfoAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code bpf_fd}: the map, program, link or BTF object. */
  public ObjInfoAttr bpfFd(int v) {
    putInt(BPF_FD, v);
    return this;
  }

  /** {@code info} and {@code info_len}: the buffer the kernel fills. */
  public ObjInfoAttr info(MemorySegment v) {
    putAddress(INFO, v);
    putInt(INFO_LEN, (int) v.byteSize());
    return this;
  }

  /** {@code info_len} as the kernel wrote it back. */
  public int infoLen() {
    return getInt(INFO_LEN);
  }
}
