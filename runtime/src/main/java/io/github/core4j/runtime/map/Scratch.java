package io.github.core4j.runtime.map;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-thread native buffers for the {@code byte[]} forms of element operations, so that a lookup or
 * update copies the caller's bytes instead of allocating native memory on every call. A buffer is
 * valid until the same thread's next element operation.
 */
final class Scratch {
  private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

  private MemorySegment key = MemorySegment.NULL;
  private MemorySegment value = MemorySegment.NULL;

  private Scratch() {}

  /** The thread's key buffer holding a copy of {@code bytes}. */
  static MemorySegment key(byte[] bytes) {
    Scratch s = CURRENT.get();
    s.key = grow(s.key, bytes.length);
    MemorySegment.copy(bytes, 0, s.key, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return s.key.asSlice(0, bytes.length);
  }

  /** The thread's value buffer, {@code size} bytes of unspecified content. */
  static MemorySegment value(int size) {
    Scratch s = CURRENT.get();
    s.value = grow(s.value, size);
    return s.value.asSlice(0, size);
  }

  /** The thread's value buffer holding a copy of {@code bytes}. */
  static MemorySegment value(byte[] bytes) {
    MemorySegment v = value(bytes.length);
    MemorySegment.copy(bytes, 0, v, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return v;
  }

  private static MemorySegment grow(MemorySegment buffer, int size) {
    if (buffer.byteSize() >= size && !buffer.equals(MemorySegment.NULL)) {
      return buffer;
    }
    long capacity = Math.max(64, Long.highestOneBit(Math.max(1, size) - 1L) << 1);
    return Arena.ofAuto().allocate(Math.max(capacity, size), 8);
  }
}
