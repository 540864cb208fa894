package io.github.core4j.reloc;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.EssentialName;
import java.util.List;

/**
 * Matches a local spec against one candidate target type, building the target spec as it goes
 * (libbpf's {@code bpf_core_spec_match} and {@code bpf_core_match_member}).
 *
 * <ul>
 *   <li>Type relocations: the candidate must be {@link TypeCompatibility compatible} ({@link
 *       TypeMatching matching} for {@code type_matches}).
 *   <li>Enumerator relocations: the candidate (stripped of typedefs) must be an enum with an
 *       enumerator of the same essential name.
 *   <li>Field relocations: each named local field is searched by name among the target's members,
 *       descending into anonymous structs and unions (which appear only in the raw indices); the
 *       field types must be {@link FieldCompatibility compatible}. Each array index must be within
 *       the target array's bounds, unless that array is a flexible array member.
 * </ul>
 */
final class SpecMatcher {
  private SpecMatcher() {}

  /**
   * Matches {@code local} against the candidate {@code target} was reset to.
   *
   * @return whether the candidate matches; {@code target} then holds its spec, otherwise what was
   *     built before matching stopped
   * @throws RelocationException for errors libbpf aborts on: nesting deeper than 64, sizes that
   *     can't be resolved, types that nest deeper than the compatibility checks allow
   */
  static boolean match(AccessSpec local, SpecBuilder target) {
    BtfTypes tt = target.types;
    int targetId = target.rootTypeId;
    RelocationKind kind = local.kind();

    if (kind.isTypeBased()) {
      return kind == RelocationKind.TYPE_MATCHES
          ? TypeMatching.matches(local.types(), local.rootTypeId(), tt, targetId)
          : TypeCompatibility.areCompatible(local.types(), local.rootTypeId(), tt, targetId);
    }

    if (kind.isEnumValueBased()) {
      targetId = tt.skipModsAndTypedefs(targetId);
      BtfType t = targetId < 0 ? null : tt.type(targetId);
      if (!(t instanceof BtfEnum || t instanceof BtfEnum64)) {
        return false;
      }
      String localName =
          java.util.Objects.requireNonNull(
              local.accessors().get(0).name(), "an enum value accessor has a name");
      int n = SpecParser.enumLength(t);
      for (int i = 0; i < n; i++) {
        String name =
            t instanceof BtfEnum enumType
                ? enumType.values().get(i).name()
                : ((BtfEnum64) t).values().get(i).name();
        if (EssentialName.length(name) == EssentialName.length(localName)
            && name.regionMatches(0, localName, 0, EssentialName.length(localName))) {
          target.pushAccessor(targetId, i, name);
          target.raw[target.rawLen++] = i;
          return true;
        }
      }
      return false;
    }

    if (!kind.isFieldBased()) {
      throw new RelocationException(ErrorCode.EINVAL, "unknown relocation kind");
    }

    List<Accessor> accessors = local.accessors();
    int[] next = new int[1];
    for (int i = 0; i < accessors.size(); i++) {
      targetId = tt.skipModsAndTypedefs(targetId);
      if (targetId < 0) {
        throw new RelocationException(ErrorCode.EINVAL, "a target type on the path does not exist");
      }
      Accessor acc = accessors.get(i);
      if (!acc.isArrayIndex()) {
        if (!matchMember(local.types(), acc, tt, targetId, target, next)) {
          return false;
        }
        targetId = next[0];
        continue;
      }
      // for i == 0 the root type itself is the "element" the index applies to
      if (i > 0) {
        BtfType t = tt.type(targetId);
        if (!(t instanceof BtfArray)) {
          return false;
        }
        BtfArray a = (BtfArray) t;
        boolean flex = SpecParser.isFlexArray(tt, target, i - 1, a);
        if (!flex && Integer.toUnsignedLong(acc.index()) >= a.elementCount()) {
          return false;
        }
        targetId = tt.skipModsAndTypedefs(a.type());
        if (targetId < 0) {
          throw new RelocationException(
              ErrorCode.EINVAL, "the element type of " + tt.describe(a.type()) + " does not exist");
        }
      }
      if (target.rawLen == SpecBuilder.MAX_LEN) {
        throw new RelocationException(
            ErrorCode.E2BIG, "target spec for " + local.fieldPath() + " nests deeper than 64");
      }
      target.pushAccessor(targetId, acc.index(), null);
      target.raw[target.rawLen++] = acc.index();
      long sz = tt.resolveSize(targetId);
      target.bitOffset += (int) (Integer.toUnsignedLong(acc.index()) * sz * 8);
    }
    return true;
  }

  /**
   * Finds the local accessor's field by name in target composite {@code targetId}, recursing into
   * anonymous members; pushes raw indices (and the accessor, when found) onto {@code spec}.
   */
  private static boolean matchMember(
      BtfTypes local, Accessor localAcc, BtfTypes tt, int targetId, SpecBuilder spec, int[] next) {
    targetId = tt.skipModsAndTypedefs(targetId);
    if (targetId < 0) {
      throw new RelocationException(ErrorCode.EINVAL, "a target member type does not exist");
    }
    BtfType t = tt.type(targetId);
    if (!(t instanceof BtfComposite compositeT)) {
      return false;
    }
    BtfMember localMember =
        ((BtfComposite) local.type(localAcc.typeId())).members().get(localAcc.index());
    String localName = localMember.name();
    List<BtfMember> members = compositeT.members();
    for (int i = 0; i < members.size(); i++) {
      BtfMember m = members.get(i);
      int bitOffset = m.bitOffset();
      if (spec.rawLen == SpecBuilder.MAX_LEN) {
        throw new RelocationException(
            ErrorCode.E2BIG,
            "target struct/union nesting for field " + localName + " is deeper than 64");
      }
      spec.bitOffset += bitOffset;
      spec.raw[spec.rawLen++] = i;
      if (m.name().isEmpty()) {
        if (matchMember(local, localAcc, tt, m.type(), spec, next)) {
          return true;
        }
      } else if (localName.equals(m.name())) {
        spec.pushAccessor(targetId, i, m.name());
        next[0] = m.type();
        boolean compatible =
            FieldCompatibility.areCompatible(local, localMember.type(), tt, m.type());
        if (!compatible) {
          spec.len--; // libbpf pops the accessor but keeps the raw index and offset
        }
        return compatible;
      }
      spec.bitOffset -= bitOffset;
      spec.rawLen--;
    }
    return false;
  }
}
