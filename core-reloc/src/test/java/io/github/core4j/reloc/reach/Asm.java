package io.github.core4j.reloc.reach;

import io.github.core4j.elf.bpf.BpfInsn;
import io.github.core4j.reloc.patch.InsnPatcher;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;

/** A tiny BPF assembler for hand-written instruction sequences (little-endian). */
final class Asm {
  static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int count;

  Asm insn(int code, int dst, int src, int off, int imm) {
    byte[] b = new BpfInsn(code, dst, src, off, imm).toBytes(LE);
    out.write(b, 0, BpfInsn.SIZE);
    count++;
    return this;
  }

  /** {@code rD = imm} (64-bit mov). */
  Asm mov(int dst, int imm) {
    return insn(0xb7, dst, 0, 0, imm);
  }

  /** {@code wD = imm} (32-bit mov). */
  Asm mov32(int dst, int imm) {
    return insn(0xb4, dst, 0, 0, imm);
  }

  /** {@code rD = rS}. */
  Asm movReg(int dst, int src) {
    return insn(0xbf, dst, src, 0, 0);
  }

  /** {@code rD += imm}. */
  Asm add(int dst, int imm) {
    return insn(0x07, dst, 0, 0, imm);
  }

  /** {@code rD = imm64} (two slots). */
  Asm ldImm64(int dst, long value) {
    insn(0x18, dst, 0, 0, (int) value);
    return insn(0, 0, 0, 0, (int) (value >>> 32));
  }

  /** {@code rD = *(u64 *)(rS + off)}. */
  Asm load(int dst, int src, int off) {
    return insn(0x79, dst, src, off, 0);
  }

  /** {@code if rD == imm goto +off}. */
  Asm jeq(int dst, int imm, int off) {
    return insn(0x15, dst, 0, off, imm);
  }

  /** {@code if rD != imm goto +off}. */
  Asm jne(int dst, int imm, int off) {
    return insn(0x55, dst, 0, off, imm);
  }

  /** {@code if rD > rS goto +off} (unsigned, registers). */
  Asm jgtReg(int dst, int src, int off) {
    return insn(0x2d, dst, src, off, 0);
  }

  /** {@code if wD == imm goto +off} (32-bit compare). */
  Asm jeq32(int dst, int imm, int off) {
    return insn(0x16, dst, 0, off, imm);
  }

  /** {@code goto +off}. */
  Asm ja(int off) {
    return insn(0x05, 0, 0, off, 0);
  }

  /** A helper call. */
  Asm call(int helper) {
    return insn(0x85, 0, 0, 0, helper);
  }

  /** A BPF-to-BPF call to {@code pc + 1 + rel} in the same section. */
  Asm callLocal(int rel) {
    return insn(0x85, 0, 1, 0, rel);
  }

  /** The invalid call libbpf puts in place of a poisoned instruction. */
  Asm poison() {
    return call(InsnPatcher.POISON_IMM);
  }

  Asm exit() {
    return insn(0x95, 0, 0, 0, 0);
  }

  /** Index of the next instruction. */
  int pc() {
    return count;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** Section 1 holding these instructions. */
  Code code() {
    return new Code(LE).section(1, bytes());
  }
}
