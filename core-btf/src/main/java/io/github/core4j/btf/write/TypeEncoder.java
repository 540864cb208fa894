package io.github.core4j.btf.write;

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
import io.github.core4j.btf.BtfVoid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Encodes type records into the type section, one {@code struct btf_type} plus its data at a time.
 */
final class TypeEncoder {
  private final StringTable strings;
  private ByteBuffer out;

  TypeEncoder(StringTable strings, ByteOrder order) {
    this.strings = strings;
    this.out = ByteBuffer.allocate(4096).order(order);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(out.array(), out.position());
  }

  void encode(BtfType t) {
    if (t instanceof BtfVoid) {
      throw new IllegalArgumentException("void (type id 0) is implicit and cannot be encoded");
    }
    int kind = t instanceof BtfUnknown u ? u.kindValue() : t.kind().value();
    int name = strings.offsetOf(t.name());
    if (t instanceof BtfInt i) {
      head(name, kind, 0, false, i.size());
      putInt(i.encodingWord());
    } else if (t instanceof BtfPtr p) {
      head(name, kind, 0, false, p.type());
    } else if (t instanceof BtfTypedef p) {
      head(name, kind, 0, false, p.type());
    } else if (t instanceof BtfQualifier q) {
      head(name, kind, 0, q instanceof BtfTypeTag tag && tag.attribute(), q.type());
    } else if (t instanceof BtfArray a) {
      head(name, kind, 0, false, 0);
      putInt(a.type());
      putInt(a.indexType());
      putInt(a.nelems());
    } else if (t instanceof BtfComposite c) {
      head(name, kind, c.members().size(), c.kindFlag(), c.size());
      for (BtfMember m : c.members()) {
        putInt(strings.offsetOf(m.name()));
        putInt(m.type());
        putInt(m.encodedOffset(c.kindFlag()));
      }
    } else if (t instanceof BtfEnum e) {
      head(name, kind, e.values().size(), e.signed(), e.size());
      for (BtfEnumValue v : e.values()) {
        putInt(strings.offsetOf(v.name()));
        putInt(v.value());
      }
    } else if (t instanceof BtfEnum64 e) {
      head(name, kind, e.values().size(), e.signed(), e.size());
      for (BtfEnum64Value v : e.values()) {
        putInt(strings.offsetOf(v.name()));
        putInt((int) v.value());
        putInt((int) (v.value() >>> 32));
      }
    } else if (t instanceof BtfFwd f) {
      head(name, kind, 0, f.union(), 0);
    } else if (t instanceof BtfFunc f) {
      head(name, kind, f.linkage().value(), false, f.type());
    } else if (t instanceof BtfFuncProto p) {
      head(name, kind, p.params().size(), false, p.returnType());
      for (BtfParam param : p.params()) {
        putInt(strings.offsetOf(param.name()));
        putInt(param.type());
      }
    } else if (t instanceof BtfVar v) {
      head(name, kind, 0, false, v.type());
      putInt(v.linkage().value());
    } else if (t instanceof BtfDatasec d) {
      head(name, kind, d.vars().size(), false, d.size());
      for (BtfVarSecinfo v : d.vars()) {
        putInt(v.type());
        putInt(v.offset());
        putInt(v.size());
      }
    } else if (t instanceof BtfFloat f) {
      head(name, kind, 0, false, f.size());
    } else if (t instanceof BtfDeclTag d) {
      head(name, kind, 0, d.attribute(), d.type());
      putInt(d.componentIdx());
    } else if (t instanceof BtfUnknown u) {
      head(name, kind, u.vlen(), u.kindFlag(), u.sizeOrType());
      for (int word : u.words()) {
        putInt(word);
      }
    }
  }

  private void head(int name, int kind, int vlen, boolean kflag, int sizeOrType) {
    putInt(name);
    putInt((kflag ? 1 << 31 : 0) | kind << 24 | vlen);
    putInt(sizeOrType);
  }

  private void putInt(int v) {
    if (out.remaining() < 4) {
      ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2).order(out.order());
      out.flip();
      bigger.put(out);
      out = bigger;
    }
    out.putInt(v);
  }
}
