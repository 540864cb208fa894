package io.github.core4j.elf;

/** The ELF file type ({@code e_type}), with its numeric value. */
public enum ElfType {
  NONE(0),
  /** Relocatable object: BPF objects and kernel modules. */
  REL(1),
  /** Executable: vmlinux. */
  EXEC(2),
  DYN(3),
  CORE(4),
  /** A value this enum does not name (OS or processor specific). */
  OTHER(-1);

  private final int value;

  ElfType(int value) {
    this.value = value;
  }

  /** The {@code e_type} value. */
  public int value() {
    return value;
  }

  /** The type with {@code value}, or {@link #OTHER}. */
  public static ElfType of(int value) {
    for (ElfType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    return OTHER;
  }
}
