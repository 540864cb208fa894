package io.github.core4j.reloc.patch;

/**
 * What {@link InsnPatcher} did to an instruction.
 *
 * @param form the instruction form that was patched, or {@link Form#POISON} when it was replaced by
 *     the invalid call
 * @param previous the value the instruction held (immediate or offset; the 64-bit immediate for
 *     ldimm64), as libbpf logs it ("imm 1268 -> 2420")
 * @param value the value written
 * @param oldSize load/store size before, in bytes (0 when unchanged)
 * @param newSize load/store size after (0 when unchanged)
 */
public record Patch(Form form, long previous, long value, int oldSize, int newSize) {
  /** The instruction forms CO-RE relocations patch. */
  public enum Form {
    /** {@code rX op= imm}: the immediate. */
    ALU,
    /** {@code rX = *(T *)(rY + off)}, {@code *(T *)(rX + off) = rY/imm}: the offset (and size). */
    LDX_ST_STX,
    /** {@code rX = imm64}: both halves of the immediate. */
    LDIMM64,
    /** Replaced by {@code call 0xbad2310} (both halves of an ldimm64). */
    POISON
  }

  /** Whether the load/store size was changed. */
  public boolean resized() {
    return oldSize != newSize;
  }
}
