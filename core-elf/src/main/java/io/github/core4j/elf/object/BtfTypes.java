package io.github.core4j.elf.object;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfVar;

/**
 * The few BTF walks the object model needs, as libbpf does them ({@code skip_mods_and_typedefs},
 * {@code btf__resolve_type}, {@code btf__align_of}, {@code btf__resolve_size}), each bounded so
 * that hostile type chains end in an answer rather than a loop.
 */
final class BtfTypes {
  /** libbpf's {@code MAX_RESOLVE_DEPTH}. */
  static final int MAX_DEPTH = 32;

  /** BPF pointers are 8 bytes; libbpf forces this pointer size on object BTF. */
  static final int POINTER_SIZE = 8;

  private BtfTypes() {}

  /** The id after following typedefs and qualifiers ({@code skip_mods_and_typedefs}). */
  static int skipModsAndTypedefs(Btf btf, int id) {
    int current = id;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      BtfType t = btf.type(current);
      if (t instanceof BtfTypedef td) {
        current = td.type();
      } else if (t instanceof BtfQualifier q) {
        current = q.type();
      } else {
        return current;
      }
    }
    return current;
  }

  /**
   * The id after following typedefs, qualifiers, variables and declaration tags ({@code
   * btf__resolve_type}); -1 when the chain is too long.
   */
  static int resolveType(Btf btf, int id) {
    int current = id;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      BtfType t = btf.type(current);
      if (t instanceof BtfTypedef td) {
        current = td.type();
      } else if (t instanceof BtfQualifier q) {
        current = q.type();
      } else if (t instanceof BtfVar v) {
        current = v.type();
      } else if (t instanceof BtfDeclTag d) {
        current = d.type();
      } else {
        return current;
      }
    }
    return -1;
  }

  /** {@code btf__resolve_size}: the byte size, or -1 when the type has none or the chain is bad. */
  static long resolveSize(Btf btf, int id) {
    try {
      return btf.resolveSize(id);
    } catch (IllegalArgumentException | BtfFormatException e) {
      return -1;
    }
  }

  /** {@code btf__align_of}: the alignment in bytes, or 0 for kinds without one. */
  static int alignOf(Btf btf, int id) {
    return alignOf(btf, id, 0);
  }

  private static int alignOf(Btf btf, int id, int depth) {
    if (depth > MAX_DEPTH) {
      return 0;
    }
    BtfType t = btf.type(id);
    if (t instanceof BtfInt i) {
      return Math.min(POINTER_SIZE, i.size());
    } else if (t instanceof BtfEnum e) {
      return Math.min(POINTER_SIZE, e.size());
    } else if (t instanceof BtfEnum64 e) {
      return Math.min(POINTER_SIZE, e.size());
    } else if (t instanceof BtfFloat f) {
      return Math.min(POINTER_SIZE, f.size());
    } else if (t instanceof BtfPtr) {
      return POINTER_SIZE;
    } else if (t instanceof BtfTypedef td) {
      return alignOf(btf, td.type(), depth + 1);
    } else if (t instanceof BtfQualifier q) {
      return alignOf(btf, q.type(), depth + 1);
    } else if (t instanceof BtfArray a) {
      return alignOf(btf, a.type(), depth + 1);
    } else if (t instanceof BtfComposite c) {
      int max = 1;
      for (BtfMember m : c.members()) {
        int align = alignOf(btf, m.type(), depth + 1);
        if (align <= 0) {
          return align;
        }
        max = Math.max(max, align);
        if (m.bitfieldSize() == 0 && m.bitOffset() % (8 * align) != 0) {
          return 1; // a member off its alignment: the struct is packed
        }
      }
      if (Integer.toUnsignedLong(c.size()) % max != 0) {
        return 1;
      }
      return max;
    }
    return 0;
  }

  /** Whether {@code id} is a pointer to a function ({@code resolve_func_ptr}). */
  static boolean isFuncPointer(Btf btf, int id) {
    BtfType t = btf.type(skipModsAndTypedefs(btf, id));
    if (!(t instanceof BtfPtr p)) {
      return false;
    }
    return btf.type(skipModsAndTypedefs(btf, p.type())) instanceof BtfFuncProto;
  }

  /** A short description of type {@code id} for messages: {@code "[12] STRUCT 'foo'"}. */
  static String describe(Btf btf, int id) {
    BtfType t = btf.type(id);
    return "[" + id + "] " + t.kind() + (t.name().isEmpty() ? "" : " '" + t.name() + "'");
  }
}
