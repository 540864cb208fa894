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
import io.github.core4j.btf.BtfTypeTag;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnknown;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON lines: one object per type, with the field names of {@code bpftool -j btf dump} ({@code id},
 * {@code kind}, {@code name}, then the kind's fields), so scripts written for bpftool's JSON read
 * it.
 */
public final class JsonDump {
  private JsonDump() {}

  /** Writes one JSON object per line for every type stored in {@code btf} (not its base). */
  public static void write(Btf btf, Appendable out) {
    JsonWriter w = new JsonWriter();
    try {
      for (int id = btf.firstId(); id < btf.typeCount(); id++) {
        w.reset();
        appendType(btf, id, w);
        out.append(w.text()).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void appendType(Btf btf, int id, JsonWriter w) {
    BtfType t = btf.type(id);
    w.beginObject();
    w.field("id", id);
    w.field("kind", t.kind().name());
    w.field("name", t.isAnonymous() ? "(anon)" : t.name());
    if (t instanceof BtfInt i) {
      w.field("size", i.size());
      w.field("bits_offset", i.bitOffset());
      w.field("nr_bits", i.bits());
      w.field("encoding", encoding(i.encoding()));
    } else if (t instanceof BtfPtr p) {
      w.field("type_id", p.type());
    } else if (t instanceof BtfTypedef p) {
      w.field("type_id", p.type());
    } else if (t instanceof BtfQualifier q) {
      w.field("type_id", q.type());
      if (q instanceof BtfTypeTag tag && tag.attribute()) {
        w.field("attribute", true);
      }
    } else if (t instanceof BtfArray a) {
      w.field("type_id", a.type());
      w.field("index_type_id", a.indexType());
      w.field("nr_elems", a.elementCount());
    } else if (t instanceof BtfComposite c) {
      w.field("size", c.size());
      w.field("vlen", c.members().size());
      w.name("members").beginArray();
      for (BtfMember m : c.members()) {
        w.beginObject();
        w.field("name", m.name().isEmpty() ? "(anon)" : m.name());
        w.field("type_id", m.type());
        w.field("bits_offset", m.bitOffset());
        if (m.bitfieldSize() != 0) {
          w.field("bitfield_size", m.bitfieldSize());
        }
        w.endObject();
      }
      w.endArray();
    } else if (t instanceof BtfEnum e) {
      w.field("encoding", e.signed() ? "SIGNED" : "UNSIGNED");
      w.field("size", e.size());
      w.field("vlen", e.values().size());
      w.name("values").beginArray();
      for (int i = 0; i < e.values().size(); i++) {
        BtfEnumValue v = e.values().get(i);
        w.beginObject();
        w.field("name", v.name());
        w.field("val", e.valueAt(i));
        w.endObject();
      }
      w.endArray();
    } else if (t instanceof BtfEnum64 e) {
      w.field("encoding", e.signed() ? "SIGNED" : "UNSIGNED");
      w.field("size", e.size());
      w.field("vlen", e.values().size());
      w.name("values").beginArray();
      for (BtfEnum64Value v : e.values()) {
        w.beginObject();
        w.field("name", v.name());
        if (e.signed()) {
          w.field("val", v.value());
        } else {
          w.rawField("val", Long.toUnsignedString(v.value()));
        }
        w.endObject();
      }
      w.endArray();
    } else if (t instanceof BtfFwd f) {
      w.field("fwd_kind", f.union() ? "union" : "struct");
    } else if (t instanceof BtfFunc f) {
      w.field("type_id", f.type());
      w.field("linkage", f.linkage().label());
    } else if (t instanceof BtfFuncProto p) {
      w.field("ret_type_id", p.returnType());
      w.field("vlen", p.params().size());
      w.name("params").beginArray();
      for (BtfParam param : p.params()) {
        w.beginObject();
        w.field("name", param.name().isEmpty() ? "(anon)" : param.name());
        w.field("type_id", param.type());
        w.endObject();
      }
      w.endArray();
    } else if (t instanceof BtfVar v) {
      w.field("type_id", v.type());
      w.field("linkage", v.linkage().label());
    } else if (t instanceof BtfDatasec d) {
      w.field("size", d.size());
      w.field("vlen", d.vars().size());
      w.name("vars").beginArray();
      for (BtfVarSecinfo v : d.vars()) {
        w.beginObject();
        w.field("type_id", v.type());
        w.field("offset", v.offset());
        w.field("size", v.size());
        w.endObject();
      }
      w.endArray();
    } else if (t instanceof BtfFloat f) {
      w.field("size", f.size());
    } else if (t instanceof BtfDeclTag d) {
      w.field("type_id", d.type());
      w.field("component_idx", (long) d.componentIdx());
      if (d.attribute()) {
        w.field("attribute", true);
      }
    } else if (t instanceof BtfUnknown u) {
      w.field("kind_value", u.kindValue());
      w.field("vlen", u.vlen());
    }
    w.endObject();
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
