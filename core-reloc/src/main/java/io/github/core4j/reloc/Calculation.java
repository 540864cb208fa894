package io.github.core4j.reloc;

/**
 * The value one relocation kind computes from one spec (libbpf's {@code bpf_core_calc_*_relo}
 * outputs).
 *
 * @param value the number for the instruction (unsigned 64-bit)
 * @param fieldSize for {@code byte_off} of a non-bitfield field: the size of the memory a load or
 *     store of the field touches (the element size for arrays); else 0
 * @param fieldTypeId for {@code byte_off}: the field's type (modifiers and typedefs stripped), used
 *     to decide whether a load may change size; else 0
 * @param validate whether the instruction is expected to hold {@code value} already (meaningful for
 *     the local spec: false for bitfield offsets/sizes/left shifts and type ids)
 * @param poison no target: the instruction must be replaced by an invalid call
 */
public record Calculation(
    long value, int fieldSize, int fieldTypeId, boolean validate, boolean poison) {
  /** The answer when the target has no such field or enumerator and the value is needed. */
  public static final Calculation POISON = new Calculation(0, 0, 0, true, true);

  /** A plain value to be checked against the instruction. */
  public static Calculation of(long value) {
    return new Calculation(value, 0, 0, true, false);
  }

  /** A plain value the instruction is not checked against. */
  public static Calculation unchecked(long value) {
    return new Calculation(value, 0, 0, false, false);
  }
}
