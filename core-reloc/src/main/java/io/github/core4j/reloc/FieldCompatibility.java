package io.github.core4j.reloc;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.EssentialName;

/**
 * Whether a target field's type can replace the local field's type in a field relocation (libbpf's
 * {@code bpf_core_fields_are_compat}). Modifiers and typedefs are stripped first; then:
 *
 * <ul>
 *   <li>any two structs or unions are compatible, even a struct with a union;
 *   <li>any two pointers, and any two floats, are compatible;
 *   <li>enums (ENUM or ENUM64 in either place) and forward declarations are compatible when their
 *       essential names agree or either is anonymous;
 *   <li>integers are compatible unless either is an old-style bitfield integer (non-zero bit
 *       offset); size and signedness don't matter;
 *   <li>arrays are compatible when their element types are, whatever their lengths;
 *   <li>nothing else is.
 * </ul>
 */
public final class FieldCompatibility {
  private FieldCompatibility() {}

  /**
   * Whether the local and target field types are compatible, as libbpf's {@code
   * bpf_core_fields_are_compat} decides.
   *
   * @throws RelocationException (EINVAL) when a type on the way does not exist
   */
  public static boolean areCompatible(BtfTypes local, int localId, BtfTypes target, int targetId) {
    while (true) {
      localId = local.skipModsAndTypedefs(localId);
      targetId = target.skipModsAndTypedefs(targetId);
      if (localId < 0 || targetId < 0) {
        throw new RelocationException(
            ErrorCode.EINVAL, "field type compatibility: a referenced type does not exist");
      }
      BtfKind lk = local.kind(localId);
      BtfKind tk = target.kind(targetId);
      if (BtfTypes.isComposite(lk) && BtfTypes.isComposite(tk)) {
        return true;
      }
      if (!BtfTypes.kindsCompatible(lk, tk)) {
        return false;
      }
      switch (lk) {
        case PTR:
        case FLOAT:
          return true;
        case FWD:
        case ENUM:
        case ENUM64:
          {
            String ln = name(local.type(localId));
            String tn = name(target.type(targetId));
            return EssentialName.length(ln) == 0
                || EssentialName.length(tn) == 0
                || Names.sameEssentialName(ln, tn);
          }
        case INT:
          return ((BtfInt) local.type(localId)).bitOffset() == 0
              && ((BtfInt) target.type(targetId)).bitOffset() == 0;
        case ARRAY:
          localId = ((BtfArray) local.type(localId)).type();
          targetId = ((BtfArray) target.type(targetId)).type();
          continue;
        default:
          return false;
      }
    }
  }

  private static String name(BtfType t) {
    if (t instanceof BtfEnum || t instanceof BtfEnum64 || t instanceof BtfFwd) {
      return t.name();
    }
    return "";
  }
}
