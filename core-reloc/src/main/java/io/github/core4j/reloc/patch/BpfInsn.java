package io.github.core4j.reloc.patch;

import java.nio.ByteOrder;

/**
 * In-place access to the fields of instruction {@code index} in a raw instruction array, for code
 * that patches programs byte array by byte array. The encoding itself (field widths, which register
 * nibble is which in either byte order) is core-elf's {@link io.github.core4j.elf.bpf.BpfInsn}:
 * every accessor here decodes the slot with it, and every setter re-encodes the changed slot.
 */
public final class BpfInsn {
  /** Bytes per instruction. */
  public static final int SIZE = io.github.core4j.elf.bpf.BpfInsn.SIZE;

  /** Instruction classes ({@code BPF_CLASS(code)}). */
  public static final int CLASS_LD = 0x00;

  public static final int CLASS_LDX = 0x01;
  public static final int CLASS_ST = 0x02;
  public static final int CLASS_STX = 0x03;
  public static final int CLASS_ALU = 0x04;
  public static final int CLASS_JMP = 0x05;
  public static final int CLASS_ALU64 = 0x07;

  /** {@code BPF_LD | BPF_IMM | BPF_DW}: the first half of a 64-bit immediate load. */
  public static final int LD_IMM64 = io.github.core4j.elf.bpf.BpfInsn.LD_IMM64;

  /** {@code BPF_JMP | BPF_CALL}. */
  public static final int CALL = 0x85;

  private BpfInsn() {}

  /** Instruction {@code index} of {@code insns}. */
  public static io.github.core4j.elf.bpf.BpfInsn read(byte[] insns, int index, ByteOrder order) {
    return io.github.core4j.elf.bpf.BpfInsn.decode(insns, index * SIZE, order);
  }

  /** Overwrites instruction {@code index} of {@code insns} with {@code insn}. */
  public static void write(
      byte[] insns, int index, ByteOrder order, io.github.core4j.elf.bpf.BpfInsn insn) {
    insn.encode(insns, index * SIZE, order);
  }

  /** The opcode byte of instruction {@code index}. */
  public static int code(byte[] insns, int index) {
    return insns[index * SIZE] & 0xff;
  }

  /** Replaces the opcode byte (its low 8 bits) of instruction {@code index}. */
  public static void setCode(byte[] insns, int index, int code) {
    insns[index * SIZE] = (byte) code;
  }

  /** The destination register. */
  public static int dst(byte[] insns, int index, ByteOrder order) {
    return read(insns, index, order).dst();
  }

  /** The source register. */
  public static int src(byte[] insns, int index, ByteOrder order) {
    return read(insns, index, order).src();
  }

  /** Sets both registers (their low 4 bits). */
  public static void setRegs(byte[] insns, int index, ByteOrder order, int dst, int src) {
    io.github.core4j.elf.bpf.BpfInsn insn = read(insns, index, order);
    write(
        insns,
        index,
        order,
        new io.github.core4j.elf.bpf.BpfInsn(
            insn.opcode(), dst & 0xf, src & 0xf, insn.off(), insn.imm()));
  }

  /** The signed 16-bit offset. */
  public static short off(byte[] insns, int index, ByteOrder order) {
    return (short) read(insns, index, order).off();
  }

  /** Replaces the offset. */
  public static void setOff(byte[] insns, int index, ByteOrder order, short off) {
    write(insns, index, order, read(insns, index, order).withOff(off));
  }

  /** The signed 32-bit immediate. */
  public static int imm(byte[] insns, int index, ByteOrder order) {
    return read(insns, index, order).imm();
  }

  /** Replaces the immediate. */
  public static void setImm(byte[] insns, int index, ByteOrder order, int imm) {
    write(insns, index, order, read(insns, index, order).withImm(imm));
  }

  /** Writes a whole instruction, each field truncated to its width. */
  public static void set(
      byte[] insns, int index, ByteOrder order, int code, int dst, int src, int off, int imm) {
    write(
        insns,
        index,
        order,
        new io.github.core4j.elf.bpf.BpfInsn(code & 0xff, dst & 0xf, src & 0xf, (short) off, imm));
  }

  /** The number of instructions in {@code insns}. */
  public static int count(byte[] insns) {
    return insns.length / SIZE;
  }
}
