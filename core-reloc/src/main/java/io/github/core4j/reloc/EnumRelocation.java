package io.github.core4j.reloc;

import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfType;
import org.jspecify.annotations.Nullable;

/**
 * Enumerator relocations ({@code enumval_exists}, {@code enumval_value}; libbpf's {@code
 * bpf_core_calc_enumval_relo}). A 32-bit enumerator's value is sign-extended to 64 bits whatever
 * the enum's signedness, as libbpf reads it; a 64-bit one is taken as is. A missing enumerator
 * makes {@code enumval_exists} 0 and poisons {@code enumval_value}.
 */
public final class EnumRelocation {
  private EnumRelocation() {}

  /**
   * Computes {@code kind} for {@code spec} ({@code null}: no target enumerator).
   *
   * @throws RelocationException EOPNOTSUPP for kinds that aren't enumerator relocations
   */
  public static Calculation calculate(RelocationKind kind, @Nullable AccessSpec spec) {
    switch (kind) {
      case ENUMVAL_EXISTS:
        return Calculation.of(spec != null ? 1 : 0);
      case ENUMVAL_VALUE:
        {
          if (spec == null) {
            return Calculation.POISON;
          }
          Accessor acc = spec.accessors().get(0);
          BtfType t = spec.types().type(acc.typeId());
          if (t instanceof BtfEnum enumType) {
            return Calculation.of(enumType.values().get(acc.index()).value());
          }
          return Calculation.of(((BtfEnum64) t).values().get(acc.index()).value());
        }
      default:
        throw new RelocationException(
            ErrorCode.EOPNOTSUPP, kind.shortName() + " is not an enumerator relocation");
    }
  }
}
