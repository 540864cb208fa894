package io.github.core4j.reloc;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfType;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * Field relocations ({@code byte_off}, {@code byte_sz}, {@code field_exists}, {@code signed},
 * {@code lshift_u64}, {@code rshift_u64}; libbpf's {@code bpf_core_calc_field_relo}).
 *
 * <p>For a plain field: its byte offset and size. For a bitfield: the smallest naturally aligned
 * load (of the bitfield's declared integer size, doubled until it covers every bit, at most 8
 * bytes) — its offset and size — and the shifts that isolate the bits in a u64: {@code lshift_u64}
 * depends on the byte order of the machine that runs the program. For an array element ({@code
 * a[3]}), only {@code byte_off} and {@code byte_sz} apply.
 */
public final class FieldRelocation {
  private static final long U32 = 0xffffffffL;

  private FieldRelocation() {}

  /**
   * Computes {@code kind} for {@code spec}.
   *
   * @param spec the resolved spec, or {@code null} when no target has the field: {@code
   *     field_exists} is then 0 and every other kind poisons the instruction
   * @param byteOrder the byte order of the machine the program will run on (for {@code lshift_u64})
   * @throws RelocationException EINVAL for kinds that don't apply to array elements or sizes that
   *     can't be resolved, E2BIG for a bitfield no 8-byte load covers
   */
  public static Calculation calculate(
      RelocationKind kind, @Nullable AccessSpec spec, ByteOrder byteOrder) {
    if (kind == RelocationKind.FIELD_EXISTS) {
      return Calculation.of(spec != null ? 1 : 0);
    }
    if (spec == null) {
      return Calculation.POISON;
    }
    BtfTypes types = spec.types();
    Accessor acc = spec.last();
    long bitOff = spec.bitOffset();

    if (acc.isArrayIndex()) {
      switch (kind) {
        case FIELD_BYTE_OFFSET:
          return new Calculation(
              bitOff / 8, (int) elementSize(types, acc.typeId(), spec), acc.typeId(), true, false);
        case FIELD_BYTE_SIZE:
          return Calculation.of(size(types, acc.typeId(), spec));
        default:
          throw new RelocationException(
              ErrorCode.EINVAL,
              "a "
                  + kind.shortName()
                  + " relocation can't be applied to array access "
                  + spec.fieldPath()
                  + " (only byte_off and byte_sz can)");
      }
    }

    BtfMember m = ((BtfComposite) types.type(acc.typeId())).members().get(acc.index());
    int fieldTypeId = types.skipModsAndTypedefs(m.type());
    BtfType mt = types.type(fieldTypeId);
    long bitSz = m.bitfieldSize();
    boolean bitfield = bitSz > 0;
    long byteSz;
    long byteOff;
    if (bitfield) {
      byteSz = sizeField(mt);
      if (byteSz == 0) {
        throw new RelocationException(
            ErrorCode.EINVAL, "bitfield " + spec.fieldPath() + " has a type of size 0");
      }
      byteOff = bitOff / 8 / byteSz * byteSz;
      while (((bitOff + bitSz - byteOff * 8) & U32) > byteSz * 8) {
        if (byteSz >= 8) {
          throw new RelocationException(
              ErrorCode.E2BIG,
              "bitfield "
                  + spec.fieldPath()
                  + " ("
                  + bitSz
                  + " bits at bit "
                  + bitOff
                  + ") can't be read with one 64-bit load");
        }
        byteSz *= 2;
        byteOff = bitOff / 8 / byteSz * byteSz;
      }
    } else {
      byteSz = size(types, fieldTypeId, spec);
      byteOff = bitOff / 8;
      bitSz = (byteSz * 8) & U32;
    }

    switch (kind) {
      case FIELD_BYTE_OFFSET:
        if (bitfield) {
          return new Calculation(byteOff, 0, 0, false, false);
        }
        return new Calculation(
            byteOff, (int) elementSize(types, fieldTypeId, spec), fieldTypeId, true, false);
      case FIELD_BYTE_SIZE:
        return new Calculation(byteSz, 0, 0, !bitfield, false);
      case FIELD_SIGNED:
        return Calculation.of(isSigned(mt) ? 1 : 0);
      case FIELD_LSHIFT_U64:
        long lshift =
            byteOrder == ByteOrder.LITTLE_ENDIAN
                ? (64 - (bitOff + bitSz - byteOff * 8)) & U32
                : ((8 - byteSz) * 8 + (bitOff - byteOff * 8)) & U32;
        return new Calculation(lshift, 0, 0, !bitfield, false);
      case FIELD_RSHIFT_U64:
        return Calculation.of((64 - bitSz) & U32);
      default:
        throw new RelocationException(
            ErrorCode.EOPNOTSUPP, kind.shortName() + " is not a field relocation");
    }
  }

  /** 1 for signed integers and for enums whose kind_flag says signed. */
  private static boolean isSigned(BtfType mt) {
    if (mt instanceof BtfEnum enumType) {
      return enumType.signed();
    } else if (mt instanceof BtfEnum64 enum64) {
      return enum64.signed();
    } else if (mt instanceof BtfInt intType) {
      return intType.isSigned();
    }
    return false;
  }

  /** The {@code size} slot of the type a bitfield is declared with. */
  private static long sizeField(BtfType t) {
    if (t instanceof BtfInt intType) {
      return intType.size();
    } else if (t instanceof BtfEnum enumType) {
      return Integer.toUnsignedLong(enumType.size());
    } else if (t instanceof BtfEnum64 enum64) {
      return Integer.toUnsignedLong(enum64.size());
    } else if (t instanceof BtfComposite composite) {
      return Integer.toUnsignedLong(composite.size());
    }
    return 0;
  }

  private static long size(BtfTypes types, int id, AccessSpec spec) {
    try {
      return types.resolveSize(id);
    } catch (RelocationException e) {
      throw new RelocationException(
          ErrorCode.EINVAL, "can't size field " + spec.fieldPath() + ": " + e.getMessage());
    }
  }

  /**
   * The size of the memory a load of the field touches: arrays (of arrays) are stripped to their
   * element type first, as libbpf 1.2+ does.
   */
  private static long elementSize(BtfTypes types, int id, AccessSpec spec) {
    int elem = types.skipModsAndTypedefs(id);
    while (elem >= 0 && types.type(elem) instanceof BtfArray) {
      elem = types.skipModsAndTypedefs(((BtfArray) types.type(elem)).type());
    }
    return size(types, elem, spec);
  }
}
