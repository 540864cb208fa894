package io.github.core4j.runtime.feature;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The two tiny programs feature probes load, encoded by hand. */
final class ProbeInstructions {
  private ProbeInstructions() {}

  /** {@code r0 = 0; exit}. */
  static byte[] returnZero() {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    insn(b, 0xb7, 0, 0);
    insn(b, 0x95, 0, 0);
    return b.array();
  }

  /** {@code call helper; r0 = 0; exit}. */
  static byte[] callHelper(int helper) {
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
    insn(b, 0x85, 0, helper);
    insn(b, 0xb7, 0, 0);
    insn(b, 0x95, 0, 0);
    return b.array();
  }

  private static void insn(ByteBuffer b, int op, int regs, int imm) {
    b.put((byte) op).put((byte) regs).putShort((short) 0).putInt(imm);
  }
}
