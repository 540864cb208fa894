package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code union bpf_attr} for the single-element map commands: {@code BPF_MAP_LOOKUP_ELEM}, {@code
 * _UPDATE_ELEM}, {@code _DELETE_ELEM}, {@code _GET_NEXT_KEY}, {@code _LOOKUP_AND_DELETE_ELEM} and
 * {@code BPF_MAP_FREEZE}. {@code value} and {@code next_key} share one slot.
 */
public final class MapElemAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("map_fd"), pad(4), u64("key"), u64("value_or_next_key"), u64("flags"));

  private static final long MAP_FD = offset(LAYOUT, "map_fd");
  private static final long KEY = offset(LAYOUT, "key");
  private static final long VALUE = offset(LAYOUT, "value_or_next_key");
  private static final long FLAGS = offset(LAYOUT, "flags");

  /** A zeroed attr in {@code arena}. */
  public MapElemAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** An attr over {@code buffer} (zeroed), reused across calls by one thread. */
  public MapElemAttr(MemorySegment buffer) {
    super(buffer, LAYOUT);
  }

  /** {@code map_fd}. */
  public MapElemAttr mapFd(int v) {
    putInt(MAP_FD, v);
    return this;
  }

  /** {@code key}: a pointer to the key bytes ({@code NULL} for queue/stack and "first key"). */
  public MapElemAttr key(MemorySegment v) {
    putAddress(KEY, v);
    return this;
  }

  /** {@code value}: a pointer to the value buffer. */
  public MapElemAttr value(MemorySegment v) {
    putAddress(VALUE, v);
    return this;
  }

  /** {@code next_key}: where {@code BPF_MAP_GET_NEXT_KEY} writes the following key. */
  public MapElemAttr nextKey(MemorySegment v) {
    putAddress(VALUE, v);
    return this;
  }

  /** {@code flags}: {@code BPF_ANY}, {@code BPF_NOEXIST}, {@code BPF_EXIST}, {@code BPF_F_LOCK}. */
  public MapElemAttr flags(long v) {
    putLong(FLAGS, v);
    return this;
  }
}
