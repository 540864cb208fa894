package io.github.core4j.reloc;

import org.jspecify.annotations.Nullable;

/**
 * Type relocations ({@code target_type_id}, {@code type_exists}, {@code type_matches}, {@code
 * type_size}; libbpf's {@code bpf_core_calc_type_relo}). With no target type every one of them is 0
 * — type relocations never poison. {@code local_type_id} needs no target at all: the engine answers
 * it with the local id directly.
 */
public final class TypeRelocation {
  private TypeRelocation() {}

  /**
   * Computes {@code kind} for {@code spec} ({@code null}: no target type).
   *
   * @throws RelocationException EINVAL when the type's size can't be resolved, EOPNOTSUPP for kinds
   *     that aren't type relocations
   */
  public static Calculation calculate(RelocationKind kind, @Nullable AccessSpec spec) {
    if (spec == null) {
      return Calculation.of(0);
    }
    switch (kind) {
      case TYPE_ID_TARGET:
        // the id may change when objects are linked, so the instruction isn't checked
        return Calculation.unchecked(Integer.toUnsignedLong(spec.rootTypeId()));
      case TYPE_EXISTS:
      case TYPE_MATCHES:
        return Calculation.of(1);
      case TYPE_SIZE:
        try {
          return Calculation.of(spec.types().resolveSize(spec.rootTypeId()));
        } catch (RelocationException e) {
          throw new RelocationException(
              ErrorCode.EINVAL,
              "can't size " + spec.types().describe(spec.rootTypeId()) + ": " + e.getMessage());
        }
      default:
        throw new RelocationException(
            ErrorCode.EOPNOTSUPP, kind.shortName() + " is not computed from a target type");
    }
  }
}
