package io.github.core4j.reloc;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfType;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a target type "matches" a local type ({@code bpf_core_type_matches}; libbpf's {@code
 * bpf_core_types_match}), a stricter relation than {@link TypeCompatibility}. With modifiers and
 * typedefs stripped at every level, the (essential) names must agree — an anonymous target matches
 * only an anonymous local — and then:
 *
 * <ul>
 *   <li>kinds must agree, except that behind a pointer a struct or union matches a forward
 *       declaration of the same flavour, and ENUM matches ENUM64;
 *   <li>integers need the same size and signedness;
 *   <li>pointers, and arrays of the same length, compare what they point to or hold;
 *   <li>every local struct/union member needs a target member of the same name whose type matches
 *       (behind a pointer, only names and kinds are checked);
 *   <li>every local enumerator needs a target enumerator of the same name, and the sizes agree;
 *   <li>function prototypes need the same parameter count and matching parameter and return types;
 *   <li>anything else (floats included) never matches.
 * </ul>
 */
public final class TypeMatching {
  private static final int MAX_LEVEL = 32;
  private static final int MAX_DEPTH = 32;

  private TypeMatching() {}

  /**
   * Whether the local type matches the target type, as libbpf's {@code bpf_core_types_match}
   * decides for {@code bpf_core_type_matches()}.
   *
   * @throws RelocationException (EINVAL) when the types nest deeper than libbpf allows
   */
  public static boolean matches(BtfTypes local, int localId, BtfTypes target, int targetId) {
    return match(local, localId, target, targetId, false, MAX_LEVEL);
  }

  private static boolean match(
      BtfTypes local, int localId, BtfTypes target, int targetId, boolean behindPtr, int level) {
    if (level <= 0) {
      throw new RelocationException(
          ErrorCode.EINVAL, "type match nests deeper than " + MAX_LEVEL + " members/parameters");
    }
    int depth = MAX_DEPTH;
    while (true) {
      if (--depth < 0) {
        throw new RelocationException(
            ErrorCode.EINVAL,
            "type match of "
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
            ErrorCode.EINVAL, "type match: a referenced type does not exist");
      }
      if (!Names.namesMatch(local.name(localId), target.name(targetId))) {
        return false;
      }
      BtfKind lk = local.kind(localId);
      BtfKind tk = target.kind(targetId);
      BtfType lt = local.type(localId);
      BtfType tt = target.type(targetId);
      switch (lk) {
        case UNKN:
          return lk == tk;
        case FWD:
          {
            boolean localUnion = ((BtfFwd) lt).union();
            if (behindPtr) {
              if (tk == BtfKind.FWD) {
                return localUnion == ((BtfFwd) tt).union();
              }
              return (tk == BtfKind.STRUCT && !localUnion) || (tk == BtfKind.UNION && localUnion);
            }
            return tk == BtfKind.FWD && localUnion == ((BtfFwd) tt).union();
          }
        case ENUM:
        case ENUM64:
          return BtfTypes.isAnyEnum(tk) && enumsMatch(lt, tt);
        case STRUCT:
        case UNION:
          if (behindPtr) {
            if (lk == tk) {
              return true;
            }
            if (tk != BtfKind.FWD) {
              return false;
            }
            return (lk == BtfKind.UNION) == ((BtfFwd) tt).union();
          }
          if (lk != tk) {
            return false;
          }
          return compositesMatch(
              local, (BtfComposite) lt, target, (BtfComposite) tt, behindPtr, level);
        case INT:
          {
            if (lk != tk) {
              return false;
            }
            BtfInt li = (BtfInt) lt;
            BtfInt ti = (BtfInt) tt;
            return li.size() == ti.size() && li.isSigned() == ti.isSigned();
          }
        case PTR:
          if (lk != tk) {
            return false;
          }
          behindPtr = true;
          localId = ((BtfPtr) lt).type();
          targetId = ((BtfPtr) tt).type();
          continue;
        case ARRAY:
          {
            if (lk != tk) {
              return false;
            }
            BtfArray la = (BtfArray) lt;
            BtfArray ta = (BtfArray) tt;
            if (la.nelems() != ta.nelems()) {
              return false;
            }
            localId = la.type();
            targetId = ta.type();
            continue;
          }
        case FUNC_PROTO:
          {
            if (lk != tk) {
              return false;
            }
            BtfFuncProto lp = (BtfFuncProto) lt;
            BtfFuncProto tp = (BtfFuncProto) tt;
            if (lp.params().size() != tp.params().size()) {
              return false;
            }
            for (int i = 0; i < lp.params().size(); i++) {
              if (!match(
                  local,
                  lp.params().get(i).type(),
                  target,
                  tp.params().get(i).type(),
                  behindPtr,
                  level - 1)) {
                return false;
              }
            }
            localId = lp.returnType();
            targetId = tp.returnType();
            continue;
          }
        default:
          // libbpf warns "unexpected kind %s relocated" and answers "no match"
          return false;
      }
    }
  }

  private static boolean enumsMatch(BtfType local, BtfType target) {
    List<String> ln = enumeratorNames(local);
    List<String> tn = enumeratorNames(target);
    if (enumSize(local) != enumSize(target) || ln.size() > tn.size()) {
      return false;
    }
    for (String l : ln) {
      boolean matched = false;
      for (String t : tn) {
        if (Names.namesMatch(l, t)) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private static int enumSize(BtfType t) {
    return t instanceof BtfEnum enumType ? enumType.size() : ((BtfEnum64) t).size();
  }

  private static List<String> enumeratorNames(BtfType t) {
    List<String> names = new ArrayList<>();
    if (t instanceof BtfEnum enumType) {
      enumType.values().forEach(v -> names.add(v.name()));
    } else {
      ((BtfEnum64) t).values().forEach(v -> names.add(v.name()));
    }
    return names;
  }

  private static boolean compositesMatch(
      BtfTypes local,
      BtfComposite lt,
      BtfTypes target,
      BtfComposite tt,
      boolean behindPtr,
      int level) {
    List<BtfMember> lm = lt.members();
    List<BtfMember> tm = tt.members();
    if (lm.size() > tm.size()) {
      return false;
    }
    for (BtfMember l : lm) {
      boolean matched = false;
      for (BtfMember t : tm) {
        if (!Names.namesMatch(l.name(), t.name())) {
          continue;
        }
        if (match(local, l.type(), target, t.type(), behindPtr, level - 1)) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        return false;
      }
    }
    return true;
  }
}
