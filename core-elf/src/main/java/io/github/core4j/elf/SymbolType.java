package io.github.core4j.elf;

/** Symbol type ({@code ELF64_ST_TYPE}), with its numeric value. */
public enum SymbolType {
  NOTYPE(0),
  OBJECT(1),
  FUNC(2),
  SECTION(3),
  FILE(4),
  COMMON(5),
  TLS(6),
  /** GNU_IFUNC or an OS/processor-specific type. */
  OTHER(-1);

  private final int value;

  SymbolType(int value) {
    this.value = value;
  }

  /** The type value. */
  public int value() {
    return value;
  }

  /** The type with {@code value}, or {@link #OTHER}. */
  public static SymbolType of(int value) {
    for (SymbolType t : values()) {
      if (t.value == value && t != OTHER) {
        return t;
      }
    }
    return OTHER;
  }
}
