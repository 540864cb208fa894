package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.ext.CoreRelo;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * {@code lshift_u64} depends on the byte order of the machine the program runs on; libbpf computes
 * it for the machine it was compiled for. libbpf on x86 can't show the big-endian answer, so this
 * spells out libbpf's big-endian formula on the hand-built {@code struct bits}: in the target,
 * {@code lo} is 4 bits at bit 68 of an {@code unsigned int}, so it is read with a 4-byte load at
 * byte 8.
 */
class BitfieldByteOrderTest {
  static RelocationResult relocate(ByteOrder order, int kind) {
    HandBuilt.Group g = HandBuilt.group("errors");
    HandBuilt.Case bits = g.find("bits_lo_lshift");
    return Relocator.relocateOne(
        g.localBtf(),
        new CoreRelo(0, bits.typeId(), "0:0", kind),
        g.targets().withByteOrder(order));
  }

  @Test
  void littleEndianShiftsTheBitsAboveTheFieldOut() {
    // 64 - (bit 68 + 4 bits - 8 bytes * 8)
    assertEquals(56, relocate(ByteOrder.LITTLE_ENDIAN, 4).newValue());
  }

  @Test
  void bigEndianShiftsTheUnusedHighBytesAndTheBitsBeforeTheFieldOut() {
    // (8 - 4 bytes) * 8 + (bit 68 - 8 bytes * 8)
    assertEquals(36, relocate(ByteOrder.BIG_ENDIAN, 4).newValue());
  }

  @Test
  void rightShiftAndLoadDoNotDependOnByteOrder() {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      assertEquals(60, relocate(order, 5).newValue());
      assertEquals(8, relocate(order, 0).newValue());
      assertEquals(4, relocate(order, 1).newValue());
    }
  }

  @Test
  void targetsDefaultToTheTargetBtfsByteOrder() {
    HandBuilt.Group g = HandBuilt.group("errors");
    assertEquals(ByteOrder.LITTLE_ENDIAN, g.targets().byteOrder());
  }
}
