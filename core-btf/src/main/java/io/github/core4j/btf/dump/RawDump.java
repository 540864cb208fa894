package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The raw text dump, identical to {@code bpftool btf dump file F} (bpftool v7.1): one block per
 * type, in id order; for split BTF only the split part is printed, as bpftool does with {@code -B
 * base}.
 */
public final class RawDump {
  private RawDump() {}

  /** Writes the dump of every type stored in {@code btf} (not its base) to {@code out}. */
  public static void write(Btf btf, Appendable out) {
    StringBuilder sb = new StringBuilder(256);
    try {
      for (int id = btf.firstId(); id < btf.typeCount(); id++) {
        sb.setLength(0);
        appendType(btf, id, sb);
        out.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dump of one type, ending with a newline. */
  public static String of(Btf btf, int id) {
    StringBuilder sb = new StringBuilder();
    appendType(btf, id, sb);
    return sb.toString();
  }

  static void appendType(Btf btf, int id, StringBuilder sb) {
    BtfType t = btf.type(id);
    sb.append('[').append(id).append("] ").append(kindName(t)).append(" '");
    sb.append(label(t.name(), btf.nameOffset(id))).append('\'');
    if (t instanceof BtfInt i) {
      sb.append(" size=")
          .append(u(i.size()))
          .append(" bits_offset=")
          .append(i.bitOffset())
          .append(" nr_bits=")
          .append(i.bits())
          .append(" encoding=")
          .append(encoding(i.encoding()));
    } else if (t instanceof BtfPtr p) {
      sb.append(" type_id=").append(u(p.type()));
    } else if (t instanceof BtfTypedef p) {
      sb.append(" type_id=").append(u(p.type()));
    } else if (t instanceof BtfQualifier q) {
      sb.append(" type_id=").append(u(q.type()));
    } else if (t instanceof BtfArray a) {
      sb.append(" type_id=")
          .append(u(a.type()))
          .append(" index_type_id=")
          .append(u(a.indexType()))
          .append(" nr_elems=")
          .append(u(a.nelems()));
    } else if (t instanceof BtfComposite c) {
      sb.append(" size=").append(u(c.size())).append(" vlen=").append(c.members().size());
      List<BtfMember> members = c.members();
      for (int i = 0; i < members.size(); i++) {
        BtfMember m = members.get(i);
        sb.append("\n\t'")
            .append(label(m.name(), btf.componentNameOffset(id, i)))
            .append("' type_id=")
            .append(u(m.type()))
            .append(" bits_offset=")
            .append(u(m.bitOffset()));
        if (m.bitfieldSize() != 0) {
          sb.append(" bitfield_size=").append(m.bitfieldSize());
        }
      }
    } else if (t instanceof BtfEnum e) {
      sb.append(" encoding=")
          .append(e.signed() ? "SIGNED" : "UNSIGNED")
          .append(" size=")
          .append(u(e.size()))
          .append(" vlen=")
          .append(e.values().size());
      List<BtfEnumValue> values = e.values();
      for (int i = 0; i < values.size(); i++) {
        BtfEnumValue v = values.get(i);
        sb.append("\n\t'").append(label(v.name(), btf.componentNameOffset(id, i))).append("' val=");
        sb.append(e.signed() ? Integer.toString(v.value()) : u(v.value()));
      }
    } else if (t instanceof BtfEnum64 e) {
      sb.append(" encoding=")
          .append(e.signed() ? "SIGNED" : "UNSIGNED")
          .append(" size=")
          .append(u(e.size()))
          .append(" vlen=")
          .append(e.values().size());
      List<BtfEnum64Value> values = e.values();
      for (int i = 0; i < values.size(); i++) {
        BtfEnum64Value v = values.get(i);
        sb.append("\n\t'").append(label(v.name(), btf.componentNameOffset(id, i))).append("' val=");
        if (e.signed()) {
          sb.append(v.value()).append("LL");
        } else {
          sb.append(Long.toUnsignedString(v.value())).append("ULL");
        }
      }
    } else if (t instanceof BtfFwd f) {
      sb.append(" fwd_kind=").append(f.union() ? "union" : "struct");
    } else if (t instanceof BtfFunc f) {
      sb.append(" type_id=").append(u(f.type())).append(" linkage=").append(f.linkage().label());
    } else if (t instanceof BtfFuncProto p) {
      sb.append(" ret_type_id=")
          .append(u(p.returnType()))
          .append(" vlen=")
          .append(p.params().size());
      List<BtfParam> params = p.params();
      for (int i = 0; i < params.size(); i++) {
        BtfParam param = params.get(i);
        sb.append("\n\t'")
            .append(label(param.name(), btf.componentNameOffset(id, i)))
            .append("' type_id=")
            .append(u(param.type()));
      }
    } else if (t instanceof BtfVar v) {
      sb.append(" type_id=").append(u(v.type())).append(", linkage=").append(v.linkage().label());
    } else if (t instanceof BtfDatasec d) {
      sb.append(" size=").append(u(d.size())).append(" vlen=").append(d.vars().size());
      for (BtfVarSecinfo v : d.vars()) {
        sb.append("\n\ttype_id=")
            .append(u(v.type()))
            .append(" offset=")
            .append(u(v.offset()))
            .append(" size=")
            .append(u(v.size()));
        if (btf.hasType(v.type())) {
          sb.append(" (")
              .append(kindName(btf.type(v.type())))
              .append(" '")
              .append(label(btf.name(v.type()), btf.nameOffset(v.type())))
              .append("')");
        }
      }
    } else if (t instanceof BtfFloat f) {
      sb.append(" size=").append(u(f.size()));
    } else if (t instanceof BtfDeclTag d) {
      sb.append(" type_id=").append(u(d.type())).append(" component_idx=").append(d.componentIdx());
    }
    // BtfUnknown and BtfVoid print nothing beyond the first line, as bpftool's default case.
    sb.append('\n');
  }

  private static String kindName(BtfType t) {
    return t.kind().name();
  }

  /**
   * A name as bpftool prints it: {@code (anon)} for string offset 0, otherwise the string, even an
   * empty one.
   */
  private static String label(String name, int nameOffset) {
    return nameOffset == 0 ? "(anon)" : name;
  }

  private static String u(int value) {
    return Integer.toUnsignedString(value);
  }

  private static String encoding(int encoding) {
    return switch (encoding) {
      case 0 -> "(none)";
      case BtfInt.SIGNED -> "SIGNED";
      case BtfInt.CHAR -> "CHAR";
      case BtfInt.BOOL -> "BOOL";
      default -> "UNKN";
    };
  }
}
