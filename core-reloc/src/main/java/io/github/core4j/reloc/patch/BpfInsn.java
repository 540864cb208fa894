package io.github.core4j.reloc.patch;

import java.nio.ByteOrder;

/**
 * The fields of raw BPF instructions ({@code struct bpf_insn}: 8 bytes of opcode, registers, 16-bit
 * offset, 32-bit immediate) in a byte array, in the object's byte order. The register byte holds
 * {@code dst_reg} in its low nibble on little-endian targets and in its high nibble on big-endian
 * ones.
 */
public final class BpfInsn {
  /** Bytes per instruction. */
  public static final int SIZE = 8;

  /** Instruction classes ({@code BPF_CLASS(code)}). */
  public static final int CLASS_LD = 0x00;

  public static final int CLASS_LDX = 0x01;
  public static final int CLASS_ST = 0x02;
  public static final int CLASS_STX = 0x03;
  public static final int CLASS_ALU = 0x04;
  public static final int CLASS_JMP = 0x05;
  public static final int CLASS_ALU64 = 0x07;

  /** {@code BPF_LD | BPF_IMM | BPF_DW}: the first half of a 64-bit immediate load. */
  public static final int LD_IMM64 = 0x18;

  /** {@code BPF_JMP | BPF_CALL}. */
  public static final int CALL = 0x85;

  private BpfInsn() {}

  private static int at(int index) {
    return index * SIZE;
  }

  /** The opcode byte of instruction {@code index}. */
  public static int code(byte[] insns, int index) {
    return insns[at(index)] & 0xff;
  }

  public static void setCode(byte[] insns, int index, int code) {
    insns[at(index)] = (byte) code;
  }

  /** The destination register. */
  public static int dst(byte[] insns, int index, ByteOrder order) {
    int regs = insns[at(index) + 1] & 0xff;
    return order == ByteOrder.LITTLE_ENDIAN ? regs & 0xf : regs >>> 4;
  }

  /** The source register. */
  public static int src(byte[] insns, int index, ByteOrder order) {
    int regs = insns[at(index) + 1] & 0xff;
    return order == ByteOrder.LITTLE_ENDIAN ? regs >>> 4 : regs & 0xf;
  }

  /** Sets both registers. */
  public static void setRegs(byte[] insns, int index, ByteOrder order, int dst, int src) {
    insns[at(index) + 1] =
        (byte)
            (order == ByteOrder.LITTLE_ENDIAN
                ? (dst & 0xf) | (src & 0xf) << 4
                : (dst & 0xf) << 4 | (src & 0xf));
  }

  /** The signed 16-bit offset. */
  public static short off(byte[] insns, int index, ByteOrder order) {
    int p = at(index) + 2;
    int v =
        order == ByteOrder.LITTLE_ENDIAN
            ? (insns[p] & 0xff) | (insns[p + 1] & 0xff) << 8
            : (insns[p] & 0xff) << 8 | (insns[p + 1] & 0xff);
    return (short) v;
  }

  public static void setOff(byte[] insns, int index, ByteOrder order, short off) {
    int p = at(index) + 2;
    if (order == ByteOrder.LITTLE_ENDIAN) {
      insns[p] = (byte) off;
      insns[p + 1] = (byte) (off >> 8);
    } else {
      insns[p] = (byte) (off >> 8);
      insns[p + 1] = (byte) off;
    }
  }

  /** The signed 32-bit immediate. */
  public static int imm(byte[] insns, int index, ByteOrder order) {
    int p = at(index) + 4;
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int b = insns[p + (order == ByteOrder.LITTLE_ENDIAN ? 3 - i : i)] & 0xff;
      v = v << 8 | b;
    }
    return v;
  }

  public static void setImm(byte[] insns, int index, ByteOrder order, int imm) {
    int p = at(index) + 4;
    for (int i = 0; i < 4; i++) {
      insns[p + (order == ByteOrder.LITTLE_ENDIAN ? i : 3 - i)] = (byte) (imm >>> (8 * i));
    }
  }

  /** Writes a whole instruction. */
  public static void set(
      byte[] insns, int index, ByteOrder order, int code, int dst, int src, int off, int imm) {
    setCode(insns, index, code);
    setRegs(insns, index, order, dst, src);
    setOff(insns, index, order, (short) off);
    setImm(insns, index, order, imm);
  }

  /** The number of instructions in {@code insns}. */
  public static int count(byte[] insns) {
    return insns.length / SIZE;
  }
}
