package io.github.core4j.skeleton;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVoid;
import io.github.core4j.btf.BtfVolatile;

/** C spellings of BTF types for Javadoc: {@code const volatile __u32}, {@code struct event[4]}. */
final class CTypeNames {
  private CTypeNames() {}

  /** The C spelling of type {@code id}. */
  static String of(Btf btf, int id) {
    return of(btf, id, 0);
  }

  private static String of(Btf btf, int id, int depth) {
    if (depth > 32) {
      return "...";
    }
    BtfType t = btf.type(id);
    if (t instanceof BtfVoid) {
      return "void";
    }
    if (t instanceof BtfConst) {
      return "const " + of(btf, ((BtfConst) t).type(), depth + 1);
    }
    if (t instanceof BtfVolatile) {
      return "volatile " + of(btf, ((BtfVolatile) t).type(), depth + 1);
    }
    if (t instanceof BtfQualifier) {
      return of(btf, ((BtfQualifier) t).type(), depth + 1);
    }
    if (t instanceof BtfVar) {
      return of(btf, ((BtfVar) t).type(), depth + 1);
    }
    if (t instanceof BtfPtr) {
      return of(btf, ((BtfPtr) t).type(), depth + 1) + " *";
    }
    if (t instanceof BtfArray) {
      BtfArray a = (BtfArray) t;
      return of(btf, a.type(), depth + 1) + "[" + a.elementCount() + "]";
    }
    if (t instanceof BtfStruct) {
      return "struct " + nameOrAnonymous(t);
    }
    if (t instanceof BtfUnion) {
      return "union " + nameOrAnonymous(t);
    }
    if (t instanceof BtfEnum || t instanceof BtfEnum64) {
      return "enum " + nameOrAnonymous(t);
    }
    if (t instanceof BtfFwd) {
      return t.name();
    }
    return t.name().isEmpty() ? t.kind().toString().toLowerCase(java.util.Locale.ROOT) : t.name();
  }

  private static String nameOrAnonymous(BtfType t) {
    return t.isAnonymous() ? "(anonymous)" : t.name();
  }
}
