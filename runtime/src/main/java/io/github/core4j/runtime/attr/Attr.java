package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * One command's view of {@code union bpf_attr}: a zeroed native buffer laid out by a {@link
 * StructLayout} whose member names are the kernel's. Unset fields stay zero, which the kernel reads
 * as "absent"; the size passed to {@code bpf()} is the layout's, and newer kernels accept it, older
 * ones accept it as long as the fields they do not know are zero.
 */
public abstract class Attr {
  /** {@code BPF_OBJ_NAME_LEN}: names are at most 15 bytes plus a NUL. */
  public static final int OBJ_NAME_LEN = 16;

  private final MemorySegment segment;
  private final StructLayout layout;

  /** Allocates a zeroed buffer for {@code layout} in {@code arena}. */
  protected Attr(Arena arena, StructLayout layout) {
    this.layout = layout;
    this.segment = arena.allocate(layout);
  }

  /**
   * Reuses {@code buffer} (at least the layout's size, 8-aligned), zeroing it: for hot paths that
   * keep one attr buffer per thread instead of allocating per call.
   */
  protected Attr(MemorySegment buffer, StructLayout layout) {
    if (buffer.byteSize() < layout.byteSize()) {
      throw new IllegalArgumentException("attr buffer too small for " + layout);
    }
    this.layout = layout;
    this.segment = buffer.asSlice(0, layout.byteSize()).fill((byte) 0);
  }

  /** The buffer to pass to {@code bpf()}. */
  public MemorySegment segment() {
    return segment;
  }

  /** The size to pass to {@code bpf()}. */
  public long size() {
    return layout.byteSize();
  }

  /** The byte offset of the member named {@code field} in {@code layout}. */
  protected static long offset(StructLayout layout, String field) {
    return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
  }

  /** A named {@code __u32}. */
  protected static ValueLayout u32(String name) {
    return ValueLayout.JAVA_INT.withName(name);
  }

  /** A named {@code __u64} / {@code __aligned_u64}. */
  protected static ValueLayout u64(String name) {
    return ValueLayout.JAVA_LONG.withName(name);
  }

  /** A named {@code char name[BPF_OBJ_NAME_LEN]}. */
  protected static MemoryLayout name(String name) {
    return MemoryLayout.sequenceLayout(OBJ_NAME_LEN, ValueLayout.JAVA_BYTE).withName(name);
  }

  /** Unnamed padding of {@code bytes}. */
  protected static MemoryLayout pad(long bytes) {
    return MemoryLayout.paddingLayout(bytes);
  }

  /** Writes a {@code __u32}. */
  protected final void putInt(long offset, int value) {
    segment.set(ValueLayout.JAVA_INT, offset, value);
  }

  /** Writes a {@code __u64}. */
  protected final void putLong(long offset, long value) {
    segment.set(ValueLayout.JAVA_LONG, offset, value);
  }

  /** Writes a pointer as {@code __aligned_u64} ({@code NULL} writes 0). */
  protected final void putAddress(long offset, MemorySegment pointer) {
    segment.set(ValueLayout.JAVA_LONG, offset, pointer.address());
  }

  /** Reads a {@code __u32} the kernel wrote back. */
  protected final int getInt(long offset) {
    return segment.get(ValueLayout.JAVA_INT, offset);
  }

  /** Reads a {@code __u64} the kernel wrote back. */
  protected final long getLong(long offset) {
    return segment.get(ValueLayout.JAVA_LONG, offset);
  }

  /**
   * Writes an object name: at most 15 bytes (longer names are cut, as libbpf does), NUL-padded.
   * Non-ASCII names are not accepted by the kernel; callers pass what they have.
   */
  protected final void putName(long offset, String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(bytes.length, OBJ_NAME_LEN - 1);
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, offset, n);
  }
}
