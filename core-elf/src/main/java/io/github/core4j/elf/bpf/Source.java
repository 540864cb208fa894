package io.github.core4j.elf.bpf;

/** Operand source of ALU and jump instructions (opcode bit 3), with the kernel's values. */
public enum Source {
  /** The immediate ({@code BPF_K}); for {@code BPF_END}, convert to little endian. */
  K(0x00),
  /** The source register ({@code BPF_X}); for {@code BPF_END}, convert to big endian. */
  X(0x08);

  private final int value;

  Source(int value) {
    this.value = value;
  }

  /** The {@code BPF_SRC} value. */
  public int value() {
    return value;
  }

  /** The source bit of {@code opcode}. */
  public static Source of(int opcode) {
    return (opcode & 0x08) == 0 ? K : X;
  }
}
