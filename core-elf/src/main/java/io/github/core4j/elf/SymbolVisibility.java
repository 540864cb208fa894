package io.github.core4j.elf;

/** Symbol visibility ({@code ELF64_ST_VISIBILITY}), with its numeric value. */
public enum SymbolVisibility {
  DEFAULT(0),
  INTERNAL(1),
  HIDDEN(2),
  PROTECTED(3);

  private final int value;

  SymbolVisibility(int value) {
    this.value = value;
  }

  /** The visibility value. */
  public int value() {
    return value;
  }

  /** The visibility in the low two bits of {@code st_other}. */
  public static SymbolVisibility of(int stOther) {
    return values()[stOther & 3];
  }
}
