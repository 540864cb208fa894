package io.github.core4j.reloc.reach;

import java.util.Arrays;

/**
 * What is known about the eleven registers at one instruction: for each, either a 64-bit constant
 * or nothing. Mutable; {@link #copy()} before changing a state that is stored.
 */
final class Registers {
  static final int COUNT = 11;

  final long[] value = new long[COUNT];
  int known; // bit i: register i holds value[i]

  /** Nothing known. */
  static Registers unknown() {
    return new Registers();
  }

  Registers copy() {
    Registers r = new Registers();
    System.arraycopy(value, 0, r.value, 0, COUNT);
    r.known = known;
    return r;
  }

  boolean isKnown(int reg) {
    return (known & 1 << reg) != 0;
  }

  long get(int reg) {
    return value[reg];
  }

  void set(int reg, long v) {
    value[reg] = v;
    known |= 1 << reg;
  }

  void forget(int reg) {
    known &= ~(1 << reg);
    value[reg] = 0;
  }

  /** Forgets r0..r5, as any call does. */
  void clobberCall() {
    for (int r = 0; r <= 5; r++) {
      forget(r);
    }
  }

  /**
   * Joins {@code other} into this state (a register stays known only if both agree).
   *
   * @return whether this state changed
   */
  boolean join(Registers other) {
    int agree = known & other.known;
    for (int r = 0; r < COUNT; r++) {
      if ((agree & 1 << r) != 0 && value[r] != other.value[r]) {
        agree &= ~(1 << r);
      }
    }
    if (agree == known) {
      return false;
    }
    for (int r = 0; r < COUNT; r++) {
      if ((agree & 1 << r) == 0) {
        value[r] = 0;
      }
    }
    known = agree;
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Registers r && r.known == known && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return known * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int r = 0; r < COUNT; r++) {
      if (isKnown(r)) {
        b.append(b.length() > 1 ? ", " : "").append('r').append(r).append('=').append(value[r]);
      }
    }
    return b.append('}').toString();
  }
}
