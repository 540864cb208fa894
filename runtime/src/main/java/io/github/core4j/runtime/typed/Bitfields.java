package io.github.core4j.runtime.typed;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads and writes C bitfields at a BTF bit offset. BTF counts bit offsets in memory order: from
 * the lowest bit of the first byte on little-endian targets and from the highest bit of the first
 * byte on big-endian ones, which is how clang lays bitfields out on each.
 */
public final class Bitfields {
  private Bitfields() {}

  /** The {@code bits}-wide field at {@code bitOffset}, zero-extended. */
  public static long getUnsigned(MemorySegment s, long bitOffset, int bits, ByteOrder order) {
    long first = bitOffset >>> 3;
    int n = byteCount(bitOffset, bits);
    long word = 0;
    for (int i = 0; i < n; i++) {
      long b = s.get(ValueLayout.JAVA_BYTE, first + i) & 0xffL;
      word |= order == ByteOrder.LITTLE_ENDIAN ? b << (8 * i) : b << (8 * (n - 1 - i));
    }
    return (word >>> shift(bitOffset, bits, n, order)) & mask(bits);
  }

  /** The {@code bits}-wide field at {@code bitOffset}, sign-extended. */
  public static long getSigned(MemorySegment s, long bitOffset, int bits, ByteOrder order) {
    long v = getUnsigned(s, bitOffset, bits, order);
    return (v << (64 - bits)) >> (64 - bits);
  }

  /** Stores the low {@code bits} bits of {@code value} at {@code bitOffset}; other bits stay. */
  public static void set(MemorySegment s, long bitOffset, int bits, ByteOrder order, long value) {
    long first = bitOffset >>> 3;
    int n = byteCount(bitOffset, bits);
    int shift = shift(bitOffset, bits, n, order);
    long fieldMask = mask(bits) << shift;
    for (int i = 0; i < n; i++) {
      int byteShift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (n - 1 - i);
      long m = (fieldMask >>> byteShift) & 0xff;
      if (m == 0) {
        continue;
      }
      long v = ((value << shift) >>> byteShift) & m;
      byte old = s.get(ValueLayout.JAVA_BYTE, first + i);
      s.set(ValueLayout.JAVA_BYTE, first + i, (byte) ((old & ~m) | v));
    }
  }

  private static int byteCount(long bitOffset, int bits) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("a bitfield is 1 to 64 bits wide, not " + bits);
    }
    int n = (int) (((bitOffset & 7) + bits + 7) >>> 3);
    if (n > 8) {
      throw new IllegalArgumentException(
          "a " + bits + "-bit field at bit " + bitOffset + " spans more than 8 bytes");
    }
    return n;
  }

  private static int shift(long bitOffset, int bits, int n, ByteOrder order) {
    int within = (int) (bitOffset & 7);
    return order == ByteOrder.LITTLE_ENDIAN ? within : 8 * n - within - bits;
  }

  private static long mask(int bits) {
    return bits == 64 ? -1L : (1L << bits) - 1;
  }
}
