package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfRestrict;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypeTag;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.BtfVoid;
import io.github.core4j.btf.BtfVolatile;

/**
 * Short C spellings of BTF types for tables: {@code "const volatile __u32"}, {@code "char[16]"},
 * {@code "struct event *"}, {@code "struct {...}"} for anonymous structs.
 */
final class TypeNames {
  private static final int MAX_DEPTH = 16;

  private TypeNames() {}

  static String of(Btf btf, int id) {
    return of(btf, id, 0);
  }

  private static String of(Btf btf, int id, int depth) {
    if (depth > MAX_DEPTH) {
      return "...";
    }
    BtfType t = btf.type(id);
    if (t instanceof BtfVoid) {
      return "void";
    }
    if (t instanceof BtfConst c) {
      return "const " + of(btf, c.type(), depth + 1);
    }
    if (t instanceof BtfVolatile v) {
      return "volatile " + of(btf, v.type(), depth + 1);
    }
    if (t instanceof BtfRestrict r) {
      return of(btf, r.type(), depth + 1) + " restrict";
    }
    if (t instanceof BtfTypeTag tag) {
      return of(btf, tag.type(), depth + 1);
    }
    if (t instanceof BtfPtr p) {
      return btf.type(p.type()) instanceof BtfFuncProto
          ? "function pointer"
          : of(btf, p.type(), depth + 1) + " *";
    }
    if (t instanceof BtfArray a) {
      StringBuilder dims = new StringBuilder();
      BtfType element = a;
      int elementId = id;
      for (int i = 0; element instanceof BtfArray inner && i < MAX_DEPTH; i++) {
        dims.append('[').append(inner.elementCount()).append(']');
        elementId = inner.type();
        element = btf.type(elementId);
      }
      return of(btf, elementId, depth + 1) + dims;
    }
    String name = t.name().isEmpty() ? "{...}" : t.name();
    if (t instanceof BtfStruct) {
      return "struct " + name;
    }
    if (t instanceof BtfUnion) {
      return "union " + name;
    }
    if (t instanceof BtfEnum || t instanceof BtfEnum64) {
      return "enum " + name;
    }
    if (t instanceof BtfFwd f) {
      return (f.union() ? "union " : "struct ") + name;
    }
    if (t instanceof BtfFuncProto) {
      return "function";
    }
    return name;
  }
}
