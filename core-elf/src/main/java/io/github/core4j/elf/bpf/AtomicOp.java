package io.github.core4j.elf.bpf;

import org.jspecify.annotations.Nullable;

/** The operation of a {@code BPF_ATOMIC} store, held in {@code imm}, with the kernel's values. */
public enum AtomicOp {
  ADD(0x00),
  OR(0x40),
  AND(0x50),
  XOR(0xa0),
  FETCH_ADD(0x01),
  FETCH_OR(0x41),
  FETCH_AND(0x51),
  FETCH_XOR(0xa1),
  /** Exchange ({@code BPF_XCHG | BPF_FETCH}). */
  XCHG(0xe1),
  /** Compare and exchange with r0 ({@code BPF_CMPXCHG | BPF_FETCH}). */
  CMPXCHG(0xf1),
  /** Load-acquire ({@code BPF_LOAD_ACQ}). */
  LOAD_ACQ(0x100),
  /** Store-release ({@code BPF_STORE_REL}). */
  STORE_REL(0x110);

  /** The {@code BPF_FETCH} flag. */
  public static final int FETCH = 0x01;

  private final int value;

  AtomicOp(int value) {
    this.value = value;
  }

  /** The {@code imm} value. */
  public int value() {
    return value;
  }

  /** The operation {@code imm} names, or null. */
  public static @Nullable AtomicOp of(int imm) {
    for (AtomicOp op : values()) {
      if (op.value == imm) {
        return op;
      }
    }
    return null;
  }
}
