package io.github.core4j.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny BPF assembler for tests: enough instructions to write counters, packet filters and ring
 * buffer producers by hand. Jumps name labels; {@link #bytes()} resolves them.
 */
public final class Asm {
  public static final int R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5, R6 = 6, R7 = 7;
  public static final int R8 = 8, R9 = 9, R10 = 10;

  private record Insn(int op, int dst, int src, int off, int imm, String label) {}

  private final List<Insn> insns = new ArrayList<>();
  private final Map<String, Integer> labels = new HashMap<>();

  private Asm emit(int op, int dst, int src, int off, int imm) {
    insns.add(new Insn(op, dst, src, off, imm, null));
    return this;
  }

  private Asm jump(int op, int dst, int src, int imm, String label) {
    insns.add(new Insn(op, dst, src, 0, imm, label));
    return this;
  }

  public Asm label(String name) {
    labels.put(name, insns.size());
    return this;
  }

  public Asm movImm(int dst, int imm) {
    return emit(0xb7, dst, 0, 0, imm);
  }

  /** 32-bit move: {@code dst = (u32) imm}, upper half zeroed. */
  public Asm mov32Imm(int dst, int imm) {
    return emit(0xb4, dst, 0, 0, imm);
  }

  public Asm mov(int dst, int src) {
    return emit(0xbf, dst, src, 0, 0);
  }

  public Asm addImm(int dst, int imm) {
    return emit(0x07, dst, 0, 0, imm);
  }

  public Asm rshImm(int dst, int imm) {
    return emit(0x77, dst, 0, 0, imm);
  }

  /** {@code dst = imm64} (two slots). */
  public Asm ldImm64(int dst, long imm) {
    emit(0x18, dst, 0, 0, (int) imm);
    return emit(0, 0, 0, 0, (int) (imm >>> 32));
  }

  /** {@code dst = map fd} ({@code BPF_PSEUDO_MAP_FD}). */
  public Asm ldMapFd(int dst, int fd) {
    emit(0x18, dst, 1, 0, fd);
    return emit(0, 0, 0, 0, 0);
  }

  public Asm ldxB(int dst, int src, int off) {
    return emit(0x71, dst, src, off, 0);
  }

  public Asm ldxH(int dst, int src, int off) {
    return emit(0x69, dst, src, off, 0);
  }

  public Asm ldxW(int dst, int src, int off) {
    return emit(0x61, dst, src, off, 0);
  }

  public Asm ldxDW(int dst, int src, int off) {
    return emit(0x79, dst, src, off, 0);
  }

  public Asm stxDW(int dst, int off, int src) {
    return emit(0x7b, dst, src, off, 0);
  }

  public Asm stW(int dst, int off, int imm) {
    return emit(0x62, dst, 0, off, imm);
  }

  public Asm stDW(int dst, int off, int imm) {
    return emit(0x7a, dst, 0, off, imm);
  }

  /** {@code lock *(u64 *)(dst + off) += src}. */
  public Asm atomicAdd64(int dst, int off, int src) {
    return emit(0xdb, dst, src, off, 0);
  }

  public Asm call(int helper) {
    return emit(0x85, 0, 0, 0, helper);
  }

  public Asm exit() {
    return emit(0x95, 0, 0, 0, 0);
  }

  public Asm ja(String label) {
    return jump(0x05, 0, 0, 0, label);
  }

  public Asm jeqImm(int dst, int imm, String label) {
    return jump(0x15, dst, 0, imm, label);
  }

  public Asm jneImm(int dst, int imm, String label) {
    return jump(0x55, dst, 0, imm, label);
  }

  public Asm jgt(int dst, int src, String label) {
    return jump(0x2d, dst, src, 0, label);
  }

  /** Skips to {@code label} unless the current process's tgid is {@code tgid} (clobbers r0-r5). */
  public Asm onlyProcess(int tgid, String label) {
    call(14); // bpf_get_current_pid_tgid
    rshImm(R0, 32);
    return jneImm(R0, tgid, label);
  }

  /** {@code r0 = value; exit}. */
  public Asm ret(int value) {
    return movImm(R0, value).exit();
  }

  /** Increments the u64 at key {@code key} of array map {@code mapFd} (clobbers r0-r5). */
  public Asm incrementArray(int mapFd, int key) {
    String skip = "inc_skip_" + insns.size();
    stW(R10, -4, key);
    mov(R2, R10).addImm(R2, -4);
    ldMapFd(R1, mapFd);
    call(1); // bpf_map_lookup_elem
    jeqImm(R0, 0, skip);
    movImm(R1, 1);
    atomicAdd64(R0, 0, R1);
    return label(skip);
  }

  /** The program, 8 bytes per instruction, little-endian. */
  public byte[] bytes() {
    ByteBuffer b = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.nativeOrder());
    for (int pc = 0; pc < insns.size(); pc++) {
      Insn i = insns.get(pc);
      int off = i.off();
      if (i.label() != null) {
        Integer target = labels.get(i.label());
        if (target == null) {
          throw new IllegalStateException("no label " + i.label());
        }
        off = target - pc - 1;
      }
      b.put((byte) i.op());
      b.put((byte) ((i.src() << 4) | i.dst()));
      b.putShort((short) off);
      b.putInt(i.imm());
    }
    return b.array();
  }
}
