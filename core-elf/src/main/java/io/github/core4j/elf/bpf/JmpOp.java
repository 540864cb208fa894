package io.github.core4j.elf.bpf;

/** Operation of JMP/JMP32 instructions (opcode bits 4..7), with the kernel's values. */
public enum JmpOp {
  /** Unconditional jump: {@code off} in JMP, {@code imm} in JMP32 ({@code gotol}, cpu v4). */
  JA(0x00),
  JEQ(0x10),
  JGT(0x20),
  JGE(0x30),
  JSET(0x40),
  JNE(0x50),
  JSGT(0x60),
  JSGE(0x70),
  /** Helper call (src 0), BPF-to-BPF call (src 1) or kfunc call (src 2). */
  CALL(0x80),
  EXIT(0x90),
  JLT(0xa0),
  JLE(0xb0),
  JSLT(0xc0),
  JSLE(0xd0),
  /** Conditional pseudo jump ({@code may_goto}). */
  JCOND(0xe0);

  private static final JmpOp[] BY_CODE = new JmpOp[16];

  static {
    for (JmpOp op : values()) {
      BY_CODE[op.value >> 4] = op;
    }
  }

  private final int value;

  JmpOp(int value) {
    this.value = value;
  }

  /** The {@code BPF_OP} value. */
  public int value() {
    return value;
  }

  /** The operation of {@code opcode}, or null for 0xf0, which names none. */
  public static JmpOp of(int opcode) {
    return BY_CODE[(opcode >> 4) & 0x0f];
  }
}
