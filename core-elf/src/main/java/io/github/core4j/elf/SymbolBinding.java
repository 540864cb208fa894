package io.github.core4j.elf;

/** Symbol binding ({@code ELF64_ST_BIND}), with its numeric value. */
public enum SymbolBinding {
  LOCAL(0),
  GLOBAL(1),
  WEAK(2),
  /** GNU_UNIQUE or an OS/processor-specific binding. */
  OTHER(-1);

  private final int value;

  SymbolBinding(int value) {
    this.value = value;
  }

  /** The binding value. */
  public int value() {
    return value;
  }

  /** The binding with {@code value}, or {@link #OTHER}. */
  public static SymbolBinding of(int value) {
    return switch (value) {
      case 0 -> LOCAL;
      case 1 -> GLOBAL;
      case 2 -> WEAK;
      default -> OTHER;
    };
  }
}
