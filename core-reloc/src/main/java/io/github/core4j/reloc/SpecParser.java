package io.github.core4j.reloc;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.ext.CoreRelo;

/**
 * Turns a relocation record into its local {@link AccessSpec} (libbpf's {@code
 * bpf_core_parse_spec}): reads the access string, then walks it from the local type through members
 * (anonymous ones included in the raw indices only) and array elements, adding up the bit offset.
 */
final class SpecParser {
  private SpecParser() {}

  /**
   * @throws RelocationException when the access string does not fit the local type; libbpf fails
   *     the relocation with EINVAL in every such case
   */
  static AccessSpec parse(BtfTypes local, CoreRelo relo, RelocationKind kind) {
    SpecBuilder spec = new SpecBuilder(local).reset(relo.typeId(), kind);
    String access = relo.accessStr();
    if (access.isEmpty() || access.charAt(0) == ':') {
      throw new RelocationException(
          ErrorCode.EINVAL,
          access.isEmpty()
              ? "the access string is empty"
              : "access string '" + access + "' starts with ':'");
    }
    if (kind.isTypeBased()) {
      if (!access.equals("0")) {
        throw new RelocationException(
            ErrorCode.EINVAL,
            "a "
                + kind.shortName()
                + " relocation needs access string \"0\", not \""
                + access
                + "\"");
      }
      return spec.freeze();
    }
    AccessString.parse(access, spec);

    int id = local.skipModsAndTypedefs(relo.typeId());
    if (id < 0) {
      throw new RelocationException(
          ErrorCode.EINVAL,
          "local type id " + Integer.toUnsignedString(relo.typeId()) + " does not exist");
    }
    int accessIdx = spec.raw[0];
    spec.pushAccessor(id, accessIdx, null);

    if (kind.isEnumValueBased()) {
      BtfType t = local.type(id);
      int vlen = enumLength(t);
      if (vlen < 0 || spec.rawLen > 1 || accessIdx >= vlen) {
        throw new RelocationException(
            ErrorCode.EINVAL,
            vlen < 0
                ? "enum value relocation on " + local.describe(relo.typeId()) + ", which is no enum"
                : spec.rawLen > 1
                    ? "enum value access string '" + access + "' has more than one index"
                    : "enumerator index "
                        + accessIdx
                        + " is out of range for "
                        + local.describe(id)
                        + " ("
                        + vlen
                        + " values)");
      }
      spec.accName[0] =
          t instanceof BtfEnum enumType
              ? enumType.values().get(accessIdx).name()
              : ((BtfEnum64) t).values().get(accessIdx).name();
      return spec.freeze();
    }
    if (!kind.isFieldBased()) {
      throw new RelocationException(
          ErrorCode.EINVAL,
          "unknown relocation kind " + relo.kind() + " (access '" + access + "')");
    }

    long sz = local.resolveSize(id);
    spec.bitOffset = (int) (accessIdx * sz * 8);

    for (int i = 1; i < spec.rawLen; i++) {
      id = local.skipModsAndTypedefs(id);
      if (id < 0) {
        throw new RelocationException(ErrorCode.EINVAL, "a type on the access path does not exist");
      }
      BtfType t = local.type(id);
      accessIdx = spec.raw[i];
      if (t instanceof BtfComposite c) {
        if (accessIdx >= c.members().size()) {
          throw new RelocationException(
              ErrorCode.EINVAL,
              "access string '"
                  + access
                  + "' of "
                  + local.describe(relo.typeId())
                  + ": member index "
                  + accessIdx
                  + " (component "
                  + i
                  + ") is out of range for "
                  + local.describe(id)
                  + " with "
                  + c.members().size()
                  + " members");
        }
        BtfMember m = c.members().get(accessIdx);
        spec.bitOffset += m.bitOffset();
        if (!m.name().isEmpty()) {
          spec.pushAccessor(id, accessIdx, m.name());
        }
        id = m.type();
      } else if (t instanceof BtfArray a) {
        id = local.skipModsAndTypedefs(a.type());
        if (id < 0) {
          throw new RelocationException(
              ErrorCode.EINVAL,
              "the element type of " + local.describe(a.type()) + " does not exist");
        }
        boolean flex = isFlexArray(local, spec, spec.len - 1, a);
        if (!flex && Integer.toUnsignedLong(accessIdx) >= a.elementCount()) {
          throw new RelocationException(
              ErrorCode.EINVAL,
              "access string '"
                  + access
                  + "' of "
                  + local.describe(relo.typeId())
                  + ": array index "
                  + accessIdx
                  + " (component "
                  + i
                  + ") is out of range for "
                  + spec.path()
                  + " with "
                  + a.elementCount()
                  + " elements");
        }
        spec.pushAccessor(id, accessIdx, null);
        sz = local.resolveSize(id);
        spec.bitOffset += (int) (accessIdx * sz * 8);
      } else {
        throw new RelocationException(
            ErrorCode.EINVAL,
            "access string '"
                + access
                + "' of "
                + local.describe(relo.typeId())
                + " steps into "
                + local.describe(id)
                + " at component "
                + i
                + ", which is neither struct, union nor array");
      }
    }
    return spec.freeze();
  }

  /** The number of enumerators, or -1 when {@code t} is not an enum. */
  static int enumLength(BtfType t) {
    if (t instanceof BtfEnum enumType) {
      return enumType.values().size();
    } else if (t instanceof BtfEnum64 enum64) {
      return enum64.values().size();
    }
    return -1;
  }

  /**
   * libbpf's {@code is_flex_arr}: an array of zero elements that is the last member of the struct
   * named by the accessor {@code prev} (an array reached other than as a named member never is).
   */
  static boolean isFlexArray(BtfTypes types, SpecBuilder spec, int prev, BtfArray a) {
    if (prev < 0 || spec.accName[prev] == null || a.nelems() != 0) {
      return false;
    }
    BtfType t = types.type(spec.accTypeId[prev]);
    int vlen = t instanceof BtfComposite composite ? composite.members().size() : 0;
    return spec.accIndex[prev] == vlen - 1;
  }
}
