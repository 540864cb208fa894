package io.github.core4j.elf;

/** The machines core4j meets ({@code e_machine}), with their numeric values. */
public enum ElfMachine {
  NONE(0),
  S390(22),
  PPC64(21),
  ARM(40),
  X86_64(62),
  AARCH64(183),
  RISCV(243),
  BPF(247),
  LOONGARCH(258),
  /** A machine this enum does not name. */
  OTHER(-1);

  private final int value;

  ElfMachine(int value) {
    this.value = value;
  }

  /** The {@code e_machine} value. */
  public int value() {
    return value;
  }

  /** The machine with {@code value}, or {@link #OTHER}. */
  public static ElfMachine of(int value) {
    for (ElfMachine m : values()) {
      if (m.value == value) {
        return m;
      }
    }
    return OTHER;
  }
}
