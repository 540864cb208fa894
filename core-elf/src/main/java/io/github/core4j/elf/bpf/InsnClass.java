package io.github.core4j.elf.bpf;

/** Instruction class: the low three bits of the opcode, with the kernel's values. */
public enum InsnClass {
  LD(0x00),
  LDX(0x01),
  ST(0x02),
  STX(0x03),
  ALU(0x04),
  JMP(0x05),
  JMP32(0x06),
  ALU64(0x07);

  private static final InsnClass[] BY_VALUE = values();

  private final int value;

  InsnClass(int value) {
    this.value = value;
  }

  /** The {@code BPF_CLASS} value. */
  public int value() {
    return value;
  }

  /** The class of {@code opcode}. */
  public static InsnClass of(int opcode) {
    return BY_VALUE[opcode & 0x07];
  }

  /** Whether this is one of the arithmetic classes. */
  public boolean isAlu() {
    return this == ALU || this == ALU64;
  }

  /** Whether this is one of the jump classes. */
  public boolean isJmp() {
    return this == JMP || this == JMP32;
  }
}
