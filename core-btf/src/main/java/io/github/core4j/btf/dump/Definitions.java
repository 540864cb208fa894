package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import java.util.List;

/**
 * The text of definitions and forward declarations: structs and unions with their members and
 * padding, enums with their values, typedefs, and {@code struct x} / {@code enum x} references.
 * Each method writes exactly what libbpf's btf_dump writes, without the trailing {@code ;}.
 */
final class Definitions {
  private final CWriter out;
  private final CNames names;
  private final Layout layout;
  private final BitPadding padding;
  private final Declarators declarators;
  private final boolean enumModes;

  Definitions(
      CWriter out, CNames names, Layout layout, Declarators declarators, boolean enumModes) {
    this.out = out;
    this.names = names;
    this.layout = layout;
    this.padding = new BitPadding(layout.pointerSize());
    this.declarators = declarators;
    this.enumModes = enumModes;
  }

  /** {@code struct name} or {@code union name}. */
  void structForward(int id, BtfComposite t) {
    out.append(t instanceof BtfStruct ? "struct" : "union");
    if (!t.isAnonymous()) {
      out.append(' ');
    }
    out.append(names.tag(id));
  }

  /**
   * The full definition {@code struct name { members }} at nesting level {@code lvl}, with explicit
   * padding where natural alignment would not reproduce the BTF offsets, and {@code
   * __attribute__((packed))} when nothing else can.
   */
  void struct(int id, BtfComposite t, int lvl) {
    boolean isStruct = t instanceof BtfStruct;
    int align = layout.alignOf(id);
    boolean packed = isStruct && layout.isPacked(t);
    out.append(isStruct ? "struct" : "union");
    if (!t.isAnonymous()) {
      out.append(' ');
    }
    out.append(names.tag(id)).append(" {");
    int off = 0;
    boolean prevBitfield = false;
    List<BtfMember> members = t.members();
    for (int mI = 0; mI < members.size(); mI++) {
      BtfMember m = members.get(mI);
      int size = m.bitfieldSize();
      int memberOff = m.bitOffset();
      int memberAlign = packed ? 1 : layout.alignOf(m.type());
      boolean inBitfield = prevBitfield && size != 0;
      padding.emit(out, off, memberOff, memberAlign, inBitfield, lvl + 1);
      out.append('\n').indent(lvl + 1);
      declarators.declare(m.type(), m.name(), lvl + 1);
      if (size != 0) {
        out.append(": ").append(size);
        off = memberOff + size;
        prevBitfield = true;
      } else {
        size = (int) Math.max(0, layout.resolveSize(m.type()));
        off = memberOff + size * 8;
        prevBitfield = false;
      }
      out.append(';');
    }
    if (isStruct) {
      padding.emit(out, off, t.size() * 8, align, false, lvl + 1);
    }
    if (!members.isEmpty() || t.size() != 0) {
      out.append('\n').indent(lvl).append('}');
    } else {
      out.append('}');
    }
    if (packed) {
      out.append(" __attribute__((packed))");
    }
  }

  /** {@code enum name}. */
  void enumForward(int id) {
    out.append("enum ").append(names.tag(id));
  }

  /**
   * {@code enum name { values }} at nesting level {@code lvl}; just {@code enum name} without
   * values.
   */
  void enumeration(int id, BtfType t, int lvl) {
    out.append("enum");
    if (!t.isAnonymous()) {
      out.append(' ');
    }
    out.append(names.tag(id));
    if (t instanceof BtfEnum e) {
      if (e.values().isEmpty()) {
        return;
      }
      out.append(" {");
      enum32Values(e, lvl);
    } else {
      BtfEnum64 e = (BtfEnum64) t;
      if (e.values().isEmpty()) {
        return;
      }
      out.append(" {");
      enum64Values(e, lvl);
    }
    out.append('\n').indent(lvl).append('}');
    if (enumModes) {
      sizeMode(t);
    }
  }

  private void enum32Values(BtfEnum e, int lvl) {
    List<BtfEnumValue> values = e.values();
    for (int vI = 0; vI < values.size(); vI++) {
      BtfEnumValue v = values.get(vI);
      enumeratorName(v.name(), lvl);
      out.append(" = ");
      if (e.signed()) {
        out.append(v.value());
      } else {
        out.append(Integer.toUnsignedString(v.value()));
      }
      out.append(',');
    }
  }

  private void enum64Values(BtfEnum64 e, int lvl) {
    List<BtfEnum64Value> values = e.values();
    for (int vI = 0; vI < values.size(); vI++) {
      BtfEnum64Value v = values.get(vI);
      enumeratorName(v.name(), lvl);
      out.append(" = ");
      if (e.signed()) {
        out.append(v.value()).append("LL");
      } else {
        out.append(Long.toUnsignedString(v.value())).append("ULL");
      }
      out.append(',');
    }
  }

  /** Enumerators share the identifier namespace with typedefs: repeats get {@code ___n}. */
  private void enumeratorName(String name, int lvl) {
    int count = names.claimEnumerator(name);
    out.append('\n').indent(lvl + 1).append(name);
    if (count > 1) {
      out.append("___").append(count);
    }
  }

  /**
   * {@code mode(byte)} for one-byte enums and {@code mode(word)} for eight-byte ones whose values
   * would not make the compiler choose that size, as libbpf 1.2 and later write them (libbpf v1.1.0
   * from GitHub too, but not the copy in Linux 6.1 that Debian's bpftool 7.1 is built from).
   */
  private void sizeMode(BtfType t) {
    int size = Layout.sizeOf(t);
    if (size == 1) {
      out.append(" __attribute__((mode(byte)))");
    } else if (size == 8 && layout.pointerSize() == 8) {
      boolean needsWordMode = true;
      if (t instanceof BtfEnum64 e) {
        List<BtfEnum64Value> values = e.values();
        for (int vI = 0; vI < values.size(); vI++) {
          BtfEnum64Value v = values.get(vI);
          if ((v.value() >>> 32) != 0) {
            needsWordMode = false;
            break;
          }
        }
      }
      if (needsWordMode) {
        out.append(" __attribute__((mode(word)))");
      }
    }
  }

  /** {@code struct name} or {@code union name} for a forward declaration. */
  void forward(int id, BtfFwd t) {
    out.append(t.union() ? "union " : "struct ").append(names.tag(id));
  }

  /** {@code typedef type name}. */
  void typedef(int id, BtfTypedef t, int lvl) {
    String name = names.ident(id);
    if (t.type() == 0 && name.equals("__gnuc_va_list")) {
      // old GCC described this typedef as void; C needs the builtin
      out.append("typedef __builtin_va_list __gnuc_va_list");
      return;
    }
    out.append("typedef ");
    declarators.declare(t.type(), name, lvl);
  }
}
