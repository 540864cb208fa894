package io.github.core4j.runtime.typed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codecs write C bytes in the byte order they are given and refuse arrays of the wrong length. */
class CodecTest {
  @Test
  void scalarsUseTheGivenByteOrder() {
    assertArrayEquals(
        new byte[] {4, 3, 2, 1}, Codec.int32(ByteOrder.LITTLE_ENDIAN).toBytes(0x01020304));
    assertArrayEquals(
        new byte[] {1, 2, 3, 4}, Codec.int32(ByteOrder.BIG_ENDIAN).toBytes(0x01020304));
    assertEquals(
        0x0102030405060708L,
        Codec.int64(ByteOrder.BIG_ENDIAN).fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    assertEquals((short) 0x0201, Codec.int16(ByteOrder.LITTLE_ENDIAN).fromBytes(new byte[] {1, 2}));
    assertEquals(true, Codec.bool().fromBytes(new byte[] {2}));
    assertArrayEquals(new byte[] {1}, Codec.bool().toBytes(true));
  }

  @Test
  void arraysRoundTripAndMustHaveTheirCLength() {
    Codec<int[]> ints = Codec.int32Array(3, ByteOrder.BIG_ENDIAN);
    assertArrayEquals(
        new byte[] {0, 0, 0, 1, 0, 0, 0, 2, -1, -1, -1, -1}, ints.toBytes(new int[] {1, 2, -1}));
    assertArrayEquals(new int[] {1, 2, -1}, ints.fromBytes(ints.toBytes(new int[] {1, 2, -1})));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ints.toBytes(new int[] {1, 2}));
    assertEquals("the C array has 3 elements, the Java value 2", e.getMessage());
    Codec<List<Short>> shorts = Codec.list(Codec.int16(ByteOrder.LITTLE_ENDIAN), 2);
    assertEquals(List.of((short) 1, (short) -2), shorts.fromBytes(new byte[] {1, 0, -2, -1}));
  }

  @Test
  void shortInputIsRefusedWithItsSize() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Codec.int64(ByteOrder.LITTLE_ENDIAN).fromBytes(new byte[4]));
    assertEquals("expected at least 8 bytes, got 4", e.getMessage());
  }

  @Test
  void variableBytesDecodesWholeRecords() {
    assertArrayEquals(
        new byte[] {1, 2, 3},
        Codec.variableBytes().decode(MemorySegment.ofArray(new byte[] {1, 2, 3})));
  }
}
