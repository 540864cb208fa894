package io.github.core4j.reloc.reach;

import java.nio.ByteOrder;
import java.util.OptionalLong;

/**
 * BPF arithmetic on known values, as the kernel's interpreter computes it: 64-bit ({@code ALU64})
 * or 32-bit ({@code ALU}, result zero-extended), signed division and modulo ({@code off = 1}),
 * sign-extending moves ({@code off = 8, 16, 32}), and byte swaps. Division by zero gives 0, modulo
 * by zero leaves the dividend, as the kernel defines them.
 */
final class Alu {
  static final int ADD = 0x00;
  static final int SUB = 0x10;
  static final int MUL = 0x20;
  static final int DIV = 0x30;
  static final int OR = 0x40;
  static final int AND = 0x50;
  static final int LSH = 0x60;
  static final int RSH = 0x70;
  static final int NEG = 0x80;
  static final int MOD = 0x90;
  static final int XOR = 0xa0;
  static final int MOV = 0xb0;
  static final int ARSH = 0xc0;
  static final int END = 0xd0;

  private Alu() {}

  /**
   * The result of operation {@code op} on {@code dst} and {@code src}, or empty when the operation
   * is not one we compute.
   *
   * @param is64 ALU64 (else 32-bit ALU)
   * @param off the instruction's offset field (signed division, sign-extending moves)
   * @param imm the immediate (the width of a byte swap)
   * @param toBigEndian for {@code END} in the ALU class: the swap is {@code BPF_TO_BE}
   */
  static OptionalLong compute(
      int op,
      boolean is64,
      long dst,
      long src,
      int off,
      int imm,
      boolean toBigEndian,
      ByteOrder order) {
    if (op == END) {
      return OptionalLong.of(
          swap(dst, imm, is64 || (toBigEndian == (order == ByteOrder.LITTLE_ENDIAN))));
    }
    if (is64) {
      return compute64(op, dst, src, off);
    }
    OptionalLong r = compute32(op, (int) dst, (int) src, off);
    return r.isPresent() ? OptionalLong.of(r.getAsLong() & 0xffffffffL) : r;
  }

  private static OptionalLong compute64(int op, long a, long b, int off) {
    switch (op) {
      case ADD:
        return OptionalLong.of(a + b);
      case SUB:
        return OptionalLong.of(a - b);
      case MUL:
        return OptionalLong.of(a * b);
      case DIV:
        if (b == 0) {
          return OptionalLong.of(0);
        }
        return OptionalLong.of(off == 1 ? a / b : Long.divideUnsigned(a, b));
      case MOD:
        if (b == 0) {
          return OptionalLong.of(a);
        }
        return OptionalLong.of(off == 1 ? a % b : Long.remainderUnsigned(a, b));
      case OR:
        return OptionalLong.of(a | b);
      case AND:
        return OptionalLong.of(a & b);
      case XOR:
        return OptionalLong.of(a ^ b);
      case LSH:
        return OptionalLong.of(a << (b & 63));
      case RSH:
        return OptionalLong.of(a >>> (b & 63));
      case ARSH:
        return OptionalLong.of(a >> (b & 63));
      case NEG:
        return OptionalLong.of(-a);
      case MOV:
        switch (off) {
          case 8:
            return OptionalLong.of(b << 56 >> 56);
          case 16:
            return OptionalLong.of(b << 48 >> 48);
          case 32:
            return OptionalLong.of(b << 32 >> 32);
          default:
            return OptionalLong.of(b);
        }
      default:
        return OptionalLong.empty();
    }
  }

  private static OptionalLong compute32(int op, int a, int b, int off) {
    switch (op) {
      case ADD:
        return OptionalLong.of(a + b);
      case SUB:
        return OptionalLong.of(a - b);
      case MUL:
        int product = a * b;
        return OptionalLong.of(product); // wraps at 32 bits
      case DIV:
        if (b == 0) {
          return OptionalLong.of(0);
        }
        return OptionalLong.of(off == 1 ? a / b : Integer.divideUnsigned(a, b));
      case MOD:
        if (b == 0) {
          return OptionalLong.of(a);
        }
        return OptionalLong.of(off == 1 ? a % b : Integer.remainderUnsigned(a, b));
      case OR:
        return OptionalLong.of(a | b);
      case AND:
        return OptionalLong.of(a & b);
      case XOR:
        return OptionalLong.of(a ^ b);
      case LSH:
        return OptionalLong.of(a << (b & 31));
      case RSH:
        return OptionalLong.of(a >>> (b & 31));
      case ARSH:
        return OptionalLong.of(a >> (b & 31));
      case NEG:
        return OptionalLong.of(-a);
      case MOV:
        switch (off) {
          case 8:
            return OptionalLong.of((byte) b);
          case 16:
            return OptionalLong.of((short) b);
          default:
            return OptionalLong.of(b);
        }
      default:
        return OptionalLong.empty();
    }
  }

  private static long swap(long v, int bits, boolean swap) {
    switch (bits) {
      case 16:
        return swap ? Short.reverseBytes((short) v) & 0xffffL : v & 0xffffL;
      case 32:
        return swap ? Integer.reverseBytes((int) v) & 0xffffffffL : v & 0xffffffffL;
      default:
        return swap ? Long.reverseBytes(v) : v;
    }
  }
}
