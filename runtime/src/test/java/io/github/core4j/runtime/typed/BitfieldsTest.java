package io.github.core4j.runtime.typed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Bitfields at BTF bit offsets: counted from the low bit of the first byte on little-endian objects
 * and from the high bit on big-endian ones, as clang allocates them (the skeleton-gen layout probe
 * checks the same against clang's bytes).
 */
class BitfieldsTest {
  @Test
  void littleEndianCountsFromTheLowBit() {
    // struct { __u32 a:3, b:7, c:22; } = { 5, 100, 0x2abcde }
    int word = 5 | (100 << 3) | (0x2abcde << 10);
    byte[] bytes = {(byte) word, (byte) (word >>> 8), (byte) (word >>> 16), (byte) (word >>> 24)};
    MemorySegment s = MemorySegment.ofArray(bytes);
    assertEquals(5, Bitfields.getUnsigned(s, 0, 3, ByteOrder.LITTLE_ENDIAN));
    assertEquals(100, Bitfields.getUnsigned(s, 3, 7, ByteOrder.LITTLE_ENDIAN));
    assertEquals(0x2abcde, Bitfields.getUnsigned(s, 10, 22, ByteOrder.LITTLE_ENDIAN));
    byte[] rebuilt = new byte[4];
    MemorySegment r = MemorySegment.ofArray(rebuilt);
    Bitfields.set(r, 0, 3, ByteOrder.LITTLE_ENDIAN, 5);
    Bitfields.set(r, 3, 7, ByteOrder.LITTLE_ENDIAN, 100);
    Bitfields.set(r, 10, 22, ByteOrder.LITTLE_ENDIAN, 0x2abcde);
    assertArrayEquals(bytes, rebuilt);
  }

  @Test
  void bigEndianCountsFromTheHighBit() {
    int word = (5 << 29) | (100 << 22) | 0x2abcde;
    byte[] bytes = {(byte) (word >>> 24), (byte) (word >>> 16), (byte) (word >>> 8), (byte) word};
    MemorySegment s = MemorySegment.ofArray(bytes);
    assertEquals(5, Bitfields.getUnsigned(s, 0, 3, ByteOrder.BIG_ENDIAN));
    assertEquals(100, Bitfields.getUnsigned(s, 3, 7, ByteOrder.BIG_ENDIAN));
    assertEquals(0x2abcde, Bitfields.getUnsigned(s, 10, 22, ByteOrder.BIG_ENDIAN));
  }

  @Test
  void signedFieldsAreSignExtendedAndNeighboursKept() {
    byte[] bytes = {(byte) 0xff, (byte) 0xff};
    MemorySegment s = MemorySegment.ofArray(bytes);
    Bitfields.set(s, 3, 5, ByteOrder.LITTLE_ENDIAN, -3);
    assertEquals(-3, Bitfields.getSigned(s, 3, 5, ByteOrder.LITTLE_ENDIAN));
    assertEquals(7, Bitfields.getUnsigned(s, 0, 3, ByteOrder.LITTLE_ENDIAN));
    assertEquals(0xff, Bitfields.getUnsigned(s, 8, 8, ByteOrder.LITTLE_ENDIAN));
  }

  @Test
  void aFullWidthFieldIsTheWholeLong() {
    byte[] bytes = new byte[8];
    MemorySegment s = MemorySegment.ofArray(bytes);
    Bitfields.set(s, 0, 64, ByteOrder.BIG_ENDIAN, 0x8000000000000001L);
    assertEquals(0x8000000000000001L, Bitfields.getUnsigned(s, 0, 64, ByteOrder.BIG_ENDIAN));
  }
}
