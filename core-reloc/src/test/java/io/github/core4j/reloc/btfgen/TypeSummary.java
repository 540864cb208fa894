package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import java.util.ArrayList;
import java.util.List;

/**
 * Every type of a BTF as one line that does not depend on type ids — {@code struct task_struct
 * (9792) { pid@18688 int, ... }}, references named by kind and name — sorted, so that two BTFs with
 * the same types and members in any numbering compare equal line by line.
 */
final class TypeSummary {
  private TypeSummary() {}

  static List<String> of(Btf btf) {
    List<String> lines = new ArrayList<>();
    for (int id = 1; id < btf.typeCount(); id++) {
      lines.add(describe(btf, id));
    }
    lines.sort(null);
    return lines;
  }

  /** The named structs, unions, enums and typedefs, each with its member names. */
  static List<String> namedTypesAndMembers(Btf btf) {
    List<String> lines = new ArrayList<>();
    for (int id = 1; id < btf.typeCount(); id++) {
      BtfType t = btf.type(id);
      if (t.isAnonymous()) {
        continue;
      }
      StringBuilder b = new StringBuilder(kind(t)).append(' ').append(t.name());
      if (t instanceof BtfComposite c) {
        for (BtfMember m : c.members()) {
          b.append(' ').append(m.name().isEmpty() ? "<anon>" : m.name());
        }
      }
      lines.add(b.toString());
    }
    lines.sort(null);
    return lines;
  }

  private static String kind(BtfType t) {
    return t.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String ref(Btf btf, int id) {
    if (id == 0) {
      return "void";
    }
    BtfType t = btf.type(id);
    if (t instanceof BtfPtr p) {
      return ref(btf, p.type()) + " *";
    }
    if (t instanceof BtfQualifier q && t.isAnonymous()) {
      return kind(t) + " " + ref(btf, q.type());
    }
    if (t instanceof BtfArray a) {
      return ref(btf, a.type()) + "[" + a.elementCount() + "]";
    }
    return kind(t) + " " + (t.isAnonymous() ? "<anon>" : t.name());
  }

  static String describe(Btf btf, int id) {
    BtfType t = btf.type(id);
    StringBuilder b = new StringBuilder(kind(t)).append(' ').append(t.name());
    if (t instanceof BtfComposite c) {
      b.append(" (").append(c.size()).append(") {");
      for (BtfMember m : c.members()) {
        b.append(' ')
            .append(m.name().isEmpty() ? "<anon>" : m.name())
            .append('@')
            .append(m.bitOffset());
        if (m.isBitfield()) {
          b.append(':').append(m.bitfieldSize());
        }
        b.append(' ').append(ref(btf, m.type())).append(',');
      }
      b.append(" }");
    } else if (t instanceof BtfInt i) {
      b.append(" (").append(i.size()).append(", ").append(i.encoding()).append(')');
    } else if (t instanceof BtfEnum e) {
      b.append(' ').append(e.values());
    } else if (t instanceof BtfEnum64 e) {
      b.append(' ').append(e.values());
    } else if (t instanceof BtfTypedef td) {
      b.append(" = ").append(ref(btf, td.type()));
    } else if (t instanceof BtfFuncProto fp) {
      b.append(' ').append(ref(btf, fp.returnType())).append(" (");
      for (BtfParam p : fp.params()) {
        b.append(ref(btf, p.type())).append(", ");
      }
      b.append(')');
    } else {
      b.append(" = ").append(ref(btf, id));
    }
    return b.toString();
  }
}
