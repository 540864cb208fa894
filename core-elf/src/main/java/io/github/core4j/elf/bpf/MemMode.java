package io.github.core4j.elf.bpf;

import org.jspecify.annotations.Nullable;

/** Addressing mode of load and store instructions (opcode bits 5..7), with the kernel's values. */
public enum MemMode {
  /** 64-bit immediate load ({@code LD_IMM64}, two slots). */
  IMM(0x00),
  /** Legacy packet access at a constant offset. */
  ABS(0x20),
  /** Legacy packet access at a register offset. */
  IND(0x40),
  MEM(0x60),
  /** Sign-extending load (cpu v4). */
  MEMSX(0x80),
  ATOMIC(0xc0);

  private final int value;

  MemMode(int value) {
    this.value = value;
  }

  /** The {@code BPF_MODE} value. */
  public int value() {
    return value;
  }

  /** The mode of {@code opcode}, or null for 0xa0 and 0xe0, which name none. */
  public static @Nullable MemMode of(int opcode) {
    int mode = opcode & 0xe0;
    for (MemMode m : values()) {
      if (m.value == mode) {
        return m;
      }
    }
    return null;
  }
}
