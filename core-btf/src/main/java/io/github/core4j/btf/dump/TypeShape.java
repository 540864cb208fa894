package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;

/**
 * A description of a type that does not mention type ids: kind, size, members or values, and the
 * names of the types members refer to. It orders types that share a kind and a name (renamed
 * duplicates) the same way whatever ids they have.
 */
final class TypeShape {
  /** How far references are described: enough to tell real duplicates apart. */
  private static final int MAX_REFERENCE_STEPS = 8;

  private TypeShape() {}

  /** The shape of type {@code id}. */
  static String of(TypeCache types, int id) {
    StringBuilder sb = new StringBuilder();
    BtfType t = types.get(id);
    sb.append(t.kind()).append(' ');
    if (t instanceof BtfComposite c) {
      sb.append(c.size()).append('{');
      for (BtfMember m : c.members()) {
        sb.append(m.name()).append('@').append(m.bitOffset()).append(':');
        sb.append(m.bitfieldSize()).append('=');
        reference(types, m.type(), sb);
        sb.append(';');
      }
      sb.append('}');
    } else if (t instanceof BtfEnum e) {
      sb.append(e.size()).append(e.signed() ? 's' : 'u').append('{');
      for (BtfEnumValue v : e.values()) {
        sb.append(v.name()).append('=').append(v.value()).append(';');
      }
      sb.append('}');
    } else if (t instanceof BtfEnum64 e) {
      sb.append(e.size()).append(e.signed() ? 's' : 'u').append('{');
      for (BtfEnum64Value v : e.values()) {
        sb.append(v.name()).append('=').append(v.value()).append(';');
      }
      sb.append('}');
    } else if (t instanceof BtfTypedef td) {
      reference(types, td.type(), sb);
    } else if (t instanceof BtfFwd f) {
      sb.append(f.union() ? "union" : "struct");
    }
    return sb.toString();
  }

  /** A referenced type: through pointers, arrays and qualifiers to the first named type. */
  private static void reference(TypeCache types, int id, StringBuilder sb) {
    for (int step = 0; step < MAX_REFERENCE_STEPS; step++) {
      BtfType t = types.get(id);
      if (!t.isAnonymous() || id == 0) {
        sb.append(t.kind()).append(' ').append(t.name());
        return;
      }
      if (t instanceof BtfPtr p) {
        sb.append('*');
        id = p.type();
      } else if (t instanceof BtfArray a) {
        sb.append('[').append(a.elementCount()).append(']');
        id = a.type();
      } else if (t instanceof BtfQualifier q) {
        sb.append(t.kind()).append(' ');
        id = q.type();
      } else if (t instanceof BtfFuncProto f) {
        sb.append("fn/").append(f.params().size());
        return;
      } else {
        sb.append(t.kind());
        return;
      }
    }
  }
}
