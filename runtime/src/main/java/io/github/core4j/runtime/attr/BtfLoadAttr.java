package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr} for {@code BPF_BTF_LOAD}. */
public final class BtfLoadAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u64("btf"),
          u64("btf_log_buf"),
          u32("btf_size"),
          u32("btf_log_size"),
          u32("btf_log_level"),
          u32("btf_log_true_size"),
          u32("btf_flags"),
          u32("btf_token_fd"));

  private static final long BTF = offset(LAYOUT, "btf");
  private static final long BTF_LOG_BUF = offset(LAYOUT, "btf_log_buf");
  private static final long BTF_SIZE = offset(LAYOUT, "btf_size");
  private static final long BTF_LOG_SIZE = offset(LAYOUT, "btf_log_size");
  private static final long BTF_LOG_LEVEL = offset(LAYOUT, "btf_log_level");
  private static final long BTF_LOG_TRUE_SIZE = offset(LAYOUT, "btf_log_true_size");

  /** A zeroed attr in {@code arena}. */
  public BtfLoadAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code btf} and {@code btf_size}: the raw BTF bytes (header, types, strings). */
  public BtfLoadAttr btf(MemorySegment raw) {
    putAddress(BTF, raw);
    putInt(BTF_SIZE, (int) raw.byteSize());
    return this;
  }

  /** {@code btf_log_level}, {@code btf_log_size} and {@code btf_log_buf}. */
  public BtfLoadAttr log(int level, MemorySegment buffer) {
    putInt(BTF_LOG_LEVEL, level);
    putInt(BTF_LOG_SIZE, (int) buffer.byteSize());
    putAddress(BTF_LOG_BUF, buffer);
    return this;
  }

  /** {@code btf_log_true_size}: the size the log needed (Linux 6.4+). */
  public int logTrueSize() {
    return getInt(BTF_LOG_TRUE_SIZE);
  }
}
