package io.github.core4j.elf.bpf;

/** Access size of load and store instructions (opcode bits 3..4), with the kernel's values. */
public enum MemSize {
  W(0x00, 4),
  H(0x08, 2),
  B(0x10, 1),
  DW(0x18, 8);

  private static final MemSize[] BY_CODE = {W, H, B, DW};

  private final int value;
  private final int bytes;

  MemSize(int value, int bytes) {
    this.value = value;
    this.bytes = bytes;
  }

  /** The {@code BPF_SIZE} value. */
  public int value() {
    return value;
  }

  /** The access width in bytes. */
  public int bytes() {
    return bytes;
  }

  /** The size of {@code opcode}. */
  public static MemSize of(int opcode) {
    return BY_CODE[(opcode >> 3) & 0x03];
  }
}
