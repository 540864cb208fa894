package io.github.core4j.reloc;

import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfType;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * Computes a relocation's old and new values from the local spec and one target spec (libbpf's
 * {@code bpf_core_calc_relo}), dispatching to the kind family's calculator, and decides whether a
 * load/store of a field whose size changed may simply change its access size: only pointers and
 * unsigned integers may.
 */
final class ValueCalculator {
  private ValueCalculator() {}

  /**
   * @param target the matching candidate's spec, or {@code null} when none matched
   * @throws RelocationException for values libbpf can't compute
   */
  static RelocationValues calculate(
      AccessSpec local, @Nullable AccessSpec target, ByteOrder byteOrder) {
    RelocationKind kind = local.kind();
    switch (kind.family()) {
      case FIELD:
        {
          Calculation l = FieldRelocation.calculate(kind, local, byteOrder);
          Calculation t = FieldRelocation.calculate(kind, target, byteOrder);
          if (t.poison()) {
            return new RelocationValues(
                l.value(), 0, true, l.validate(), false, l.fieldSize(), 0, l.fieldTypeId(), 0);
          }
          boolean failMemSize =
              l.fieldSize() != t.fieldSize()
                  && !sizeChangeIsSafe(
                      local.types(),
                      l.fieldTypeId(),
                      java.util.Objects.requireNonNull(target).types(),
                      t.fieldTypeId());
          return new RelocationValues(
              l.value(),
              t.value(),
              false,
              l.validate(),
              failMemSize,
              l.fieldSize(),
              t.fieldSize(),
              l.fieldTypeId(),
              t.fieldTypeId());
        }
      case TYPE:
        {
          Calculation l = TypeRelocation.calculate(kind, local);
          Calculation t = TypeRelocation.calculate(kind, target);
          return new RelocationValues(l.value(), t.value(), false, l.validate(), false, 0, 0, 0, 0);
        }
      case ENUMVAL:
        {
          Calculation l = EnumRelocation.calculate(kind, local);
          Calculation t = EnumRelocation.calculate(kind, target);
          return new RelocationValues(
              l.value(), t.poison() ? 0 : t.value(), t.poison(), true, false, 0, 0, 0, 0);
        }
      default:
        throw new RelocationException(
            ErrorCode.EOPNOTSUPP, "unrecognized CO-RE relocation kind " + local.kind());
    }
  }

  /**
   * A 32-bit kernel pointer read into a 64-bit BPF pointer, or an unsigned integer of another
   * width, reads correctly with the new size; anything else would not.
   */
  private static boolean sizeChangeIsSafe(
      BtfTypes local, int localId, BtfTypes target, int targetId) {
    BtfType l = local.type(localId);
    BtfType t = target.type(targetId);
    if (l.kind() == BtfKind.PTR && t.kind() == BtfKind.PTR) {
      return true;
    }
    return l instanceof BtfInt
        && t instanceof BtfInt intType
        && ((BtfInt) l).encoding() != BtfInt.SIGNED
        && intType.encoding() != BtfInt.SIGNED;
  }
}
