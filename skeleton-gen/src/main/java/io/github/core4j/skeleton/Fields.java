package io.github.core4j.skeleton;

import com.palantir.javapoet.ClassName;
import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of a struct or union as the generated class exposes them: members of anonymous struct
 * members lifted into the parent, anonymous union members named {@code anonN} after their index,
 * flexible array members (no size) left out, bitfields recognised with and without the BTF kind
 * flag.
 */
final class Fields {
  private static final String[] RESERVED = {
    "equals",
    "hashCode",
    "toString",
    "getClass",
    "notify",
    "notifyAll",
    "wait",
    "clone",
    "finalize",
    "encode",
    "decode",
    "toBytes",
    "fromBytes",
    "segment",
    "other"
  };

  private Fields() {}

  /** The fields of {@code c}, whose anonymous member types are nested in {@code owner}. */
  static List<Field> of(TypeResolver types, BtfComposite c, ClassName owner, NameScope names) {
    List<Field> out = new ArrayList<>();
    collect(types, c, owner, names, 0, out);
    return out;
  }

  /** A scope holding the names the members of a generated record must not take. */
  static NameScope memberScope() {
    return new NameScope(RESERVED);
  }

  /**
   * The same for a union view, which also has a {@code bytes} field and {@code value} parameters.
   */
  static NameScope unionMemberScope() {
    NameScope scope = new NameScope(RESERVED);
    scope.take("bytes", "_");
    scope.take("value", "_");
    return scope;
  }

  private static void collect(
      TypeResolver types,
      BtfComposite c,
      ClassName owner,
      NameScope names,
      long baseBits,
      List<Field> out) {
    Btf btf = types.btf();
    List<BtfMember> members = c.members();
    for (int i = 0; i < members.size(); i++) {
      BtfMember m = members.get(i);
      long bitOffset = baseBits + m.bitOffset();
      BtfType underlying = btf.type(skipAliases(btf, m.type()));
      String cName = m.name();
      if (cName.isEmpty()) {
        if (underlying instanceof BtfStruct) {
          collect(types, (BtfStruct) underlying, owner, names, bitOffset, out);
          continue;
        }
        cName = "anon" + i;
      }
      int bits = 0;
      if (c.kindFlag() && m.bitfieldSize() != 0) {
        bits = m.bitfieldSize();
      } else if (underlying instanceof BtfInt) {
        BtfInt in = (BtfInt) underlying;
        if (in.bits() != 8 * in.size() || bitOffset % 8 != 0) {
          bits = in.bits();
        }
      }
      JType type = types.resolve(m.type(), owner, cName);
      if (bits != 0 && MemberCode.scalarOf(type) == null) {
        bits = 0; // a bitfield of a non-integer type: BTF cannot say so, but be safe
      }
      if (bits == 0 && type.size() == 0) {
        continue; // flexible array member: no bytes of its own
      }
      out.add(
          new Field(cName, names.take(JavaNames.lowerCamel(cName), "_"), type, bitOffset, bits));
    }
  }

  private static int skipAliases(Btf btf, int id) {
    int cur = id;
    for (int depth = 0; depth < 64; depth++) {
      BtfType t = btf.type(cur);
      if (t instanceof BtfTypedef) {
        cur = ((BtfTypedef) t).type();
      } else if (t instanceof BtfQualifier) {
        cur = ((BtfQualifier) t).type();
      } else {
        return cur;
      }
    }
    return cur;
  }
}
