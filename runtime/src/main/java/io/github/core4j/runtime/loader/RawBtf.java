package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An editable copy of an object's raw {@code .BTF} in host byte order: libbpf rewrites type records
 * in place before {@code BPF_BTF_LOAD} (DATASEC sizes and offsets, extern linkage, kinds the kernel
 * lacks) and appends a few types and strings. Editing the bytes rather than re-encoding the types
 * keeps every string offset, which {@code .BTF.ext} line info refers to, unchanged.
 */
final class RawBtf {
  static final int KIND_INT = 1;
  static final int KIND_PTR = 2;
  static final int KIND_ARRAY = 3;
  static final int KIND_STRUCT = 4;
  static final int KIND_UNION = 5;
  static final int KIND_ENUM = 6;
  static final int KIND_FWD = 7;
  static final int KIND_TYPEDEF = 8;
  static final int KIND_CONST = 10;
  static final int KIND_FUNC = 12;
  static final int KIND_FUNC_PROTO = 13;
  static final int KIND_VAR = 14;
  static final int KIND_DATASEC = 15;
  static final int KIND_FLOAT = 16;
  static final int KIND_DECL_TAG = 17;
  static final int KIND_TYPE_TAG = 18;
  static final int KIND_ENUM64 = 19;

  private static final int MAGIC = 0xeB9F;
  private static final int HEADER = 24;

  private final String source;
  private ByteBuffer types;
  private final byte[] strings;
  private final List<Integer> offsets = new ArrayList<>();
  private final ByteArrayOutputStream extraStrings = new ByteArrayOutputStream();

  private RawBtf(String source, byte[] types, byte[] strings) {
    this.source = source;
    this.types = ByteBuffer.wrap(types).order(ByteOrder.nativeOrder());
    this.strings = strings;
    int off = 0;
    while (off < types.length) {
      offsets.add(off);
      off += recordSize(this.types, off);
    }
  }

  /** Copies raw BTF (header, types, strings) that is in host byte order. */
  static RawBtf of(ByteBuffer raw, String source) {
    ByteBuffer b = raw.duplicate().order(ByteOrder.nativeOrder());
    int start = b.position();
    if ((b.getShort(start) & 0xffff) != MAGIC) {
      throw new BpfException(
          "BTF fix-up", source + ": .BTF is not in host byte order", Errno.EINVAL.value());
    }
    int hdrLen = b.getInt(start + 4);
    int typeOff = b.getInt(start + 8);
    int typeLen = b.getInt(start + 12);
    int strOff = b.getInt(start + 16);
    int strLen = b.getInt(start + 20);
    byte[] t = new byte[typeLen];
    b.get(start + hdrLen + typeOff, t);
    byte[] s = new byte[strLen];
    b.get(start + hdrLen + strOff, s);
    return new RawBtf(source, t, s);
  }

  private static int recordSize(ByteBuffer b, int off) {
    int info = b.getInt(off + 4);
    int vlen = info & 0xffff;
    return 12
        + switch ((info >>> 24) & 0x1f) {
          case KIND_INT, KIND_VAR, KIND_DECL_TAG -> 4;
          case KIND_ARRAY -> 12;
          case KIND_STRUCT, KIND_UNION, KIND_DATASEC, KIND_ENUM64 -> 12 * vlen;
          case KIND_ENUM, KIND_FUNC_PROTO -> 8 * vlen;
          default -> 0;
        };
  }

  /** The number of types, {@code void} included (ids run from 1 to {@code typeCount() - 1}). */
  int typeCount() {
    return offsets.size() + 1;
  }

  private int at(int id) {
    if (id < 1 || id > offsets.size()) {
      throw new IllegalArgumentException(source + ": no BTF type " + id);
    }
    return offsets.get(id - 1);
  }

  int kind(int id) {
    return (types.getInt(at(id) + 4) >>> 24) & 0x1f;
  }

  int vlen(int id) {
    return types.getInt(at(id) + 4) & 0xffff;
  }

  boolean kindFlag(int id) {
    return (types.getInt(at(id) + 4) >>> 31) != 0;
  }

  int nameOffset(int id) {
    return types.getInt(at(id));
  }

  String name(int id) {
    return string(nameOffset(id));
  }

  String string(int offset) {
    byte[] table = strings;
    int start = offset;
    if (offset >= strings.length) {
      table = extraStrings.toByteArray();
      start = offset - strings.length;
      if (start >= table.length) {
        return "";
      }
    }
    int end = start;
    while (end < table.length && table[end] != 0) {
      end++;
    }
    return new String(table, start, end - start, StandardCharsets.UTF_8);
  }

  /** The type's {@code size} or {@code type} word. */
  int sizeOrType(int id) {
    return types.getInt(at(id) + 8);
  }

  void setInfo(int id, int kind, boolean kindFlag, int vlen) {
    types.putInt(at(id) + 4, (kindFlag ? 1 << 31 : 0) | (kind << 24) | (vlen & 0xffff));
  }

  void setNameOffset(int id, int offset) {
    types.putInt(at(id), offset);
  }

  void setSizeOrType(int id, int value) {
    types.putInt(at(id) + 8, value);
  }

  /** The first extra word of INT, VAR (linkage) and DECL_TAG records. */
  int extra(int id) {
    return types.getInt(at(id) + 12);
  }

  void setExtra(int id, int value) {
    types.putInt(at(id) + 12, value);
  }

  /** Word {@code word} of member {@code i} (DATASEC/STRUCT/UNION/ENUM64: 3 words, others 2). */
  int member(int id, int i, int word) {
    return types.getInt(at(id) + 12 + i * memberSize(id) + word * 4);
  }

  void setMember(int id, int i, int word, int value) {
    types.putInt(at(id) + 12 + i * memberSize(id) + word * 4, value);
  }

  private int memberSize(int id) {
    int k = kind(id);
    return k == KIND_ENUM || k == KIND_FUNC_PROTO ? 8 : 12;
  }

  /** The id of the first type named {@code name} of {@code kind}, or 0. */
  int find(String name, int kind) {
    for (int id = 1; id < typeCount(); id++) {
      if (kind(id) == kind && name.equals(name(id))) {
        return id;
      }
    }
    return 0;
  }

  /** Appends {@code s} to the string section; returns its offset. */
  int addString(String s) {
    int off = strings.length + extraStrings.size();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    extraStrings.write(bytes, 0, bytes.length);
    extraStrings.write(0);
    return off;
  }

  /** Appends a type record (words in host order); returns its id, editable like the others. */
  int addType(int... words) {
    byte[] old = types.array();
    ByteBuffer grown =
        ByteBuffer.wrap(java.util.Arrays.copyOf(old, old.length + words.length * 4))
            .order(ByteOrder.nativeOrder());
    for (int i = 0; i < words.length; i++) {
      grown.putInt(old.length + i * 4, words[i]);
    }
    types = grown;
    offsets.add(old.length);
    return offsets.size();
  }

  static int info(int kind, boolean kindFlag, int vlen) {
    return (kindFlag ? 1 << 31 : 0) | (kind << 24) | (vlen & 0xffff);
  }

  /** The edited BTF, ready for {@code BPF_BTF_LOAD}. */
  byte[] toBytes() {
    byte[] t = types.array();
    byte[] es = extraStrings.toByteArray();
    int typeLen = t.length;
    int strLen = strings.length + es.length;
    ByteBuffer out = ByteBuffer.allocate(HEADER + typeLen + strLen).order(ByteOrder.nativeOrder());
    out.putShort((short) MAGIC).put((byte) 1).put((byte) 0);
    out.putInt(HEADER).putInt(0).putInt(typeLen).putInt(typeLen).putInt(strLen);
    out.put(t).put(strings).put(es);
    return out.array();
  }
}
