package io.github.core4j.btf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Decodes one type from its bytes into its record. The blob was validated when parsed. */
final class TypeDecoder {
  private TypeDecoder() {}

  static BtfType decode(Btf btf, int id, int off) {
    ByteBuffer b = btf.buffer();
    StringSection s = btf.strings();
    String name = s.get(b.getInt(off));
    int info = b.getInt(off + 4);
    int vlen = info & 0xffffff;
    boolean kflag = info < 0;
    int sizeOrType = b.getInt(off + 8);
    int data = off + 12;
    int kindValue = (info >>> 24) & 0x7f;
    BtfKind kind = BtfKind.ofValue(kindValue);
    if (kind == null) {
      return unknown(btf, name, kindValue, kflag, vlen, sizeOrType, data);
    }
    return switch (kind) {
      case INT -> {
        int word = b.getInt(data);
        yield new BtfInt(name, sizeOrType, (word >>> 24) & 0x0f, (word >>> 16) & 0xff, word & 0xff);
      }
      case PTR -> new BtfPtr(name, sizeOrType);
      case ARRAY -> new BtfArray(name, b.getInt(data), b.getInt(data + 4), b.getInt(data + 8));
      case STRUCT -> new BtfStruct(name, sizeOrType, kflag, members(b, s, data, vlen, kflag));
      case UNION -> new BtfUnion(name, sizeOrType, kflag, members(b, s, data, vlen, kflag));
      case ENUM -> {
        List<BtfEnumValue> values = new ArrayList<>(vlen);
        for (int i = 0, p = data; i < vlen; i++, p += 8) {
          values.add(new BtfEnumValue(s.get(b.getInt(p)), b.getInt(p + 4)));
        }
        yield new BtfEnum(name, sizeOrType, kflag, values);
      }
      case FWD -> new BtfFwd(name, kflag);
      case TYPEDEF -> new BtfTypedef(name, sizeOrType);
      case VOLATILE -> new BtfVolatile(name, sizeOrType);
      case CONST -> new BtfConst(name, sizeOrType);
      case RESTRICT -> new BtfRestrict(name, sizeOrType);
      case FUNC -> new BtfFunc(name, sizeOrType, linkage(vlen));
      case FUNC_PROTO -> {
        List<BtfParam> params = new ArrayList<>(vlen);
        for (int i = 0, p = data; i < vlen; i++, p += 8) {
          params.add(new BtfParam(s.get(b.getInt(p)), b.getInt(p + 4)));
        }
        yield new BtfFuncProto(name, sizeOrType, params);
      }
      case VAR -> new BtfVar(name, sizeOrType, linkage(b.getInt(data)));
      case DATASEC -> {
        List<BtfVarSecinfo> vars = new ArrayList<>(vlen);
        for (int i = 0, p = data; i < vlen; i++, p += 12) {
          vars.add(new BtfVarSecinfo(b.getInt(p), b.getInt(p + 4), b.getInt(p + 8)));
        }
        yield new BtfDatasec(name, sizeOrType, vars);
      }
      case FLOAT -> new BtfFloat(name, sizeOrType);
      case DECL_TAG -> new BtfDeclTag(name, sizeOrType, b.getInt(data), kflag);
      case TYPE_TAG -> new BtfTypeTag(name, sizeOrType, kflag);
      case ENUM64 -> {
        List<BtfEnum64Value> values = new ArrayList<>(vlen);
        for (int i = 0, p = data; i < vlen; i++, p += 12) {
          long lo = Integer.toUnsignedLong(b.getInt(p + 4));
          long hi = Integer.toUnsignedLong(b.getInt(p + 8));
          values.add(new BtfEnum64Value(s.get(b.getInt(p)), hi << 32 | lo));
        }
        yield new BtfEnum64(name, sizeOrType, kflag, values);
      }
      case UNKN -> throw new IllegalStateException("kind 0 passed validation at type " + id);
    };
  }

  /** A linkage the validator already checked. */
  private static BtfLinkage linkage(int value) {
    return java.util.Objects.requireNonNull(BtfLinkage.ofValue(value), "validated linkage");
  }

  private static List<BtfMember> members(
      ByteBuffer b, StringSection s, int data, int vlen, boolean kflag) {
    List<BtfMember> members = new ArrayList<>(vlen);
    for (int i = 0, p = data; i < vlen; i++, p += 12) {
      int offset = b.getInt(p + 8);
      members.add(
          kflag
              ? new BtfMember(s.get(b.getInt(p)), b.getInt(p + 4), offset & 0xffffff, offset >>> 24)
              : new BtfMember(s.get(b.getInt(p)), b.getInt(p + 4), offset, 0));
    }
    return members;
  }

  private static BtfType unknown(
      Btf btf, String name, int kindValue, boolean kflag, int vlen, int sizeOrType, int data) {
    KindLayout layout = btf.layout();
    int words = (layout.infoSize(kindValue) + vlen * layout.elementSize(kindValue)) / 4;
    List<Integer> list = new ArrayList<>(words);
    for (int i = 0; i < words; i++) {
      list.add(btf.buffer().getInt(data + 4 * i));
    }
    return new BtfUnknown(name, kindValue, kflag, vlen, sizeOrType, list);
  }
}
