package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code union bpf_attr.batch} for {@code BPF_MAP_LOOKUP_BATCH}, {@code _LOOKUP_AND_DELETE_BATCH},
 * {@code _UPDATE_BATCH} and {@code _DELETE_BATCH}. The kernel writes the number of elements
 * processed back into {@code count}.
 */
public final class MapBatchAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u64("in_batch"),
          u64("out_batch"),
          u64("keys"),
          u64("values"),
          u32("count"),
          u32("map_fd"),
          u64("elem_flags"),
          u64("flags"));

  private static final long IN_BATCH = offset(LAYOUT, "in_batch");
  private static final long OUT_BATCH = offset(LAYOUT, "out_batch");
  private static final long KEYS = offset(LAYOUT, "keys");
  private static final long VALUES = offset(LAYOUT, "values");
  private static final long COUNT = offset(LAYOUT, "count");
  private static final long MAP_FD = offset(LAYOUT, "map_fd");
  private static final long ELEM_FLAGS = offset(LAYOUT, "elem_flags");
  private static final long FLAGS = offset(LAYOUT, "flags");

  /** A zeroed attr in {@code arena}. */
  public MapBatchAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code in_batch}: the cursor to continue from ({@code NULL} to start). */
  public MapBatchAttr inBatch(MemorySegment v) {
    putAddress(IN_BATCH, v);
    return this;
  }

  /** {@code out_batch}: where the kernel writes the next cursor. */
  public MapBatchAttr outBatch(MemorySegment v) {
    putAddress(OUT_BATCH, v);
    return this;
  }

  /** {@code keys}: an array of {@code count} keys. */
  public MapBatchAttr keys(MemorySegment v) {
    putAddress(KEYS, v);
    return this;
  }

  /** {@code values}: an array of {@code count} values. */
  public MapBatchAttr values(MemorySegment v) {
    putAddress(VALUES, v);
    return this;
  }

  /** {@code count}: elements in; elements processed out. */
  public MapBatchAttr count(int v) {
    putInt(COUNT, v);
    return this;
  }

  /** The {@code count} the kernel wrote back. */
  public int count() {
    return getInt(COUNT);
  }

  /** {@code map_fd}. */
  public MapBatchAttr mapFd(int v) {
    putInt(MAP_FD, v);
    return this;
  }

  /** {@code elem_flags}: per-element flags as for single updates. */
  public MapBatchAttr elemFlags(long v) {
    putLong(ELEM_FLAGS, v);
    return this;
  }

  /** {@code flags} (none defined yet). */
  public MapBatchAttr flags(long v) {
    putLong(FLAGS, v);
    return this;
  }
}
