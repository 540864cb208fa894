package io.github.core4j.reloc;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfPtr;

/**
 * Whether a target type can stand in for a local type in a type relocation ({@code type_exists},
 * {@code type_size}, {@code target_type_id}; libbpf's {@code bpf_core_types_are_compat}). The
 * caller has already matched the root names. Then, with modifiers and typedefs stripped at every
 * level:
 *
 * <ul>
 *   <li>kinds must agree (ENUM and ENUM64 count as one kind; a struct never matches a union);
 *   <li>structs, unions, enums, forward declarations and void are compatible without looking
 *       inside;
 *   <li>integers are compatible unless one is an old-style bitfield integer;
 *   <li>pointers and arrays compare what they point to or hold (array lengths are ignored);
 *   <li>function prototypes need the same number of parameters and compatible parameter and return
 *       types.
 * </ul>
 *
 * Recursion is bounded like libbpf's: 32 levels of pointers/arrays per chain and 32 nested
 * prototypes; deeper types are an error (EINVAL).
 */
public final class TypeCompatibility {
  private static final int MAX_LEVEL = 32;
  private static final int MAX_DEPTH = 32;

  private TypeCompatibility() {}

  /**
   * Whether the local and target types are compatible, as libbpf's {@code
   * bpf_core_types_are_compat} decides.
   *
   * @throws RelocationException (EINVAL) when the types nest too deeply or a type is missing
   */
  public static boolean areCompatible(BtfTypes local, int localId, BtfTypes target, int targetId) {
    return compatible(local, localId, target, targetId, MAX_LEVEL);
  }

  private static boolean compatible(
      BtfTypes local, int localId, BtfTypes target, int targetId, int level) {
    if (!BtfTypes.kindsCompatible(local.kind(localId), target.kind(targetId))) {
      return false;
    }
    int depth = MAX_DEPTH;
    while (true) {
      if (--depth < 0) {
        throw new RelocationException(
            ErrorCode.EINVAL,
            "type compatibility of "
                + local.describe(localId)
                + " and "
                + target.describe(targetId)
                + " nests deeper than "
                + MAX_DEPTH
                + " levels");
      }
      localId = local.skipModsAndTypedefs(localId);
      targetId = target.skipModsAndTypedefs(targetId);
      if (localId < 0 || targetId < 0) {
        throw new RelocationException(
            ErrorCode.EINVAL, "type compatibility: a referenced type does not exist");
      }
      BtfKind lk = local.kind(localId);
      if (!BtfTypes.kindsCompatible(lk, target.kind(targetId))) {
        return false;
      }
      switch (lk) {
        case UNKN:
        case STRUCT:
        case UNION:
        case ENUM:
        case ENUM64:
        case FWD:
          return true;
        case INT:
          return ((BtfInt) local.type(localId)).bitOffset() == 0
              && ((BtfInt) target.type(targetId)).bitOffset() == 0;
        case PTR:
          localId = ((BtfPtr) local.type(localId)).type();
          targetId = ((BtfPtr) target.type(targetId)).type();
          continue;
        case ARRAY:
          localId = ((BtfArray) local.type(localId)).type();
          targetId = ((BtfArray) target.type(targetId)).type();
          continue;
        case FUNC_PROTO:
          {
            BtfFuncProto lp = (BtfFuncProto) local.type(localId);
            BtfFuncProto tp = (BtfFuncProto) target.type(targetId);
            if (lp.params().size() != tp.params().size()) {
              return false;
            }
            for (int i = 0; i < lp.params().size(); i++) {
              if (level <= 0) {
                throw new RelocationException(
                    ErrorCode.EINVAL,
                    "type compatibility: function prototypes nest deeper than " + MAX_LEVEL);
              }
              int l = local.skipModsAndTypedefs(lp.params().get(i).type());
              int t = target.skipModsAndTypedefs(tp.params().get(i).type());
              if (!compatible(local, l, target, t, level - 1)) {
                return false;
              }
            }
            localId = local.skipModsAndTypedefs(lp.returnType());
            targetId = target.skipModsAndTypedefs(tp.returnType());
            continue;
          }
        default:
          // libbpf warns "unexpected kind %s relocated" and answers "not compatible"
          return false;
      }
    }
  }
}
