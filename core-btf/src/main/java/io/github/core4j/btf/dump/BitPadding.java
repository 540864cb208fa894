package io.github.core4j.btf.dump;

/**
 * Explicit padding between struct members, as libbpf's btf_dump (1.1) writes it: unnamed bitfields
 * of {@code long}, {@code int}, {@code short} or {@code char} that make the compiler place the next
 * member at its BTF offset. The gap is first closed up to the boundary of the largest padding type
 * that fits (with a {@code type: 0} marker, or the exact bit count inside a run of bitfields, when
 * natural alignment would not get there), then filled with whole padding units and a last, smallest
 * sufficient one.
 */
final class BitPadding {
  private static final String[] NAMES = {"long", "int", "short", "char"};

  private final int[] bits;

  /**
   * Padding types for a target whose pointers (and {@code long}) have {@code pointerSize} bytes.
   */
  BitPadding(int pointerSize) {
    this.bits = new int[] {pointerSize * 8, 32, 16, 8};
  }

  /**
   * Writes the padding from bit {@code curOff} to bit {@code nextOff}, where the next member has
   * alignment {@code nextAlign} bytes; {@code inBitfield} when both sides of the gap are bitfields.
   */
  void emit(CWriter out, int curOff, int nextOff, int nextAlign, boolean inBitfield, int lvl) {
    if (curOff >= nextOff) {
      return;
    }
    int i;
    int padBits = 0;
    String padType = NAMES[0];
    int newOff = 0;
    for (i = 0; i < bits.length; i++) {
      padBits = bits[i];
      padType = NAMES[i];
      newOff = roundUp(curOff, padBits);
      if (newOff <= nextOff) {
        break;
      }
    }
    if (newOff > curOff && newOff <= nextOff) {
      if (inBitfield
          || (newOff == nextOff && roundUp(curOff, nextAlign * 8) != newOff)
          || (newOff != nextOff && nextOff - newOff <= newOff - curOff)) {
        line(out, lvl, padType, inBitfield ? newOff - curOff : 0);
      }
      curOff = newOff;
    }
    while (curOff != nextOff) {
      int gap = Math.min(nextOff - curOff, padBits);
      if (gap == padBits) {
        line(out, lvl, padType, padBits);
        curOff += gap;
        continue;
      }
      for (i = bits.length - 1; i >= 0; i--) {
        padType = NAMES[i];
        padBits = bits[i];
        if (padBits < gap) {
          continue;
        }
        line(out, lvl, padType, gap);
        curOff += gap;
        break;
      }
    }
  }

  private static void line(CWriter out, int lvl, String type, int width) {
    out.append('\n').indent(lvl).append(type).append(": ").append(width).append(';');
  }

  /**
   * C's {@code roundup(x, y)} in int arithmetic; a zero {@code y} (a member without alignment,
   * where libbpf would divide by zero) leaves {@code x} unchanged.
   */
  private static int roundUp(int x, int y) {
    return y == 0 ? x : ((x + y - 1) / y) * y;
  }
}
