package io.github.core4j.elf.bpf;

/** Arithmetic operation of ALU/ALU64 instructions (opcode bits 4..7), with the kernel's values. */
public enum AluOp {
  ADD(0x00),
  SUB(0x10),
  MUL(0x20),
  /** Unsigned division; signed with {@code off} = 1 (cpu v4). */
  DIV(0x30),
  OR(0x40),
  AND(0x50),
  LSH(0x60),
  RSH(0x70),
  NEG(0x80),
  /** Unsigned modulo; signed with {@code off} = 1 (cpu v4). */
  MOD(0x90),
  XOR(0xa0),
  /** Move; sign-extending with {@code off} = 8, 16 or 32 (cpu v4). */
  MOV(0xb0),
  ARSH(0xc0),
  /** Byte swap: {@code le}/{@code be} in ALU, unconditional {@code bswap} in ALU64 (cpu v4). */
  END(0xd0);

  private static final AluOp[] BY_CODE = new AluOp[16];

  static {
    for (AluOp op : values()) {
      BY_CODE[op.value >> 4] = op;
    }
  }

  private final int value;

  AluOp(int value) {
    this.value = value;
  }

  /** The {@code BPF_OP} value. */
  public int value() {
    return value;
  }

  /** The operation of {@code opcode}, or null for 0xe0 and 0xf0, which name none. */
  public static AluOp of(int opcode) {
    return BY_CODE[(opcode >> 4) & 0x0f];
  }
}
