package io.github.core4j.reloc.reach;

/**
 * The conditions of BPF's conditional jumps, on known operands: 64-bit ({@code JMP}) or on the low
 * 32 bits ({@code JMP32}).
 */
final class Conditions {
  static final int JA = 0x00;
  static final int JEQ = 0x10;
  static final int JGT = 0x20;
  static final int JGE = 0x30;
  static final int JSET = 0x40;
  static final int JNE = 0x50;
  static final int JSGT = 0x60;
  static final int JSGE = 0x70;
  static final int CALL = 0x80;
  static final int EXIT = 0x90;
  static final int JLT = 0xa0;
  static final int JLE = 0xb0;
  static final int JSLT = 0xc0;
  static final int JSLE = 0xd0;

  private Conditions() {}

  /** Whether {@code op} is a conditional jump. */
  static boolean isConditional(int op) {
    return (op >= JEQ && op <= JSGE) || (op >= JLT && op <= JSLE);
  }

  /** Whether the jump {@code op} is taken for {@code dst op src}. */
  static boolean taken(int op, long dst, long src, boolean is32) {
    long a = is32 ? dst & 0xffffffffL : dst;
    long b = is32 ? src & 0xffffffffL : src;
    long sa = is32 ? (int) dst : dst;
    long sb = is32 ? (int) src : src;
    switch (op) {
      case JEQ:
        return a == b;
      case JNE:
        return a != b;
      case JGT:
        return Long.compareUnsigned(a, b) > 0;
      case JGE:
        return Long.compareUnsigned(a, b) >= 0;
      case JLT:
        return Long.compareUnsigned(a, b) < 0;
      case JLE:
        return Long.compareUnsigned(a, b) <= 0;
      case JSET:
        return (a & b) != 0;
      case JSGT:
        return sa > sb;
      case JSGE:
        return sa >= sb;
      case JSLT:
        return sa < sb;
      case JSLE:
        return sa <= sb;
      default:
        throw new IllegalArgumentException("not a conditional jump: 0x" + Integer.toHexString(op));
    }
  }
}
