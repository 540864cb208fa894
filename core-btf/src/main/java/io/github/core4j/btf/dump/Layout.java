package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.PointerSize;
import java.util.List;

/**
 * Sizes and alignments as libbpf computes them for its C dump ({@code btf__pointer_size}, {@code
 * btf__align_of}, {@code btf__resolve_size}) and its test for structs that need {@code
 * __attribute__((packed))}. Errors are answered as libbpf answers them (alignment 0, negative
 * size), because the dump's padding decisions depend on those answers.
 */
final class Layout {
  /** libbpf's {@code MAX_RESOLVE_DEPTH}: longest chain {@link #resolveSize} follows. */
  static final int MAX_RESOLVE_DEPTH = 32;

  /** Negative answer of {@link #resolveSize} for a type without a size. */
  static final long EINVAL = -22;

  /** Negative answer of {@link #resolveSize} when the size does not fit 32 bits. */
  static final long E2BIG = -7;

  /** Marks an alignment not computed yet (alignments are never negative). */
  private static final int UNKNOWN = -1;

  private final TypeCache types;
  private final DepthGuard guard;
  private final int determinedPointerSize;
  private final int[] alignments;

  Layout(TypeCache types, DepthGuard guard) {
    this.types = types;
    this.guard = guard;
    this.determinedPointerSize = PointerSize.guess(types.btf()).orElse(-1);
    this.alignments = new int[types.count()];
    java.util.Arrays.fill(alignments, UNKNOWN);
  }

  /** The pointer size: the guessed one, or 8 (the host's) when BTF has no {@code long}. */
  int pointerSize() {
    return determinedPointerSize > 0 ? determinedPointerSize : 8;
  }

  /** libbpf's {@code btf__align_of}: the alignment of type {@code id}, 0 when it has none. */
  int alignOf(int id) {
    int known = alignments[id];
    if (known != UNKNOWN) {
      return known;
    }
    guard.enter(id);
    try {
      int align = alignOf(types.get(id));
      alignments[id] = align;
      return align;
    } finally {
      guard.exit();
    }
  }

  private int alignOf(BtfType t) {
    switch (t.kind()) {
      case INT:
      case ENUM:
      case ENUM64:
      case FLOAT:
        return minUnsigned(pointerSize(), sizeOf(t));
      case PTR:
        return pointerSize();
      case TYPEDEF:
        return alignOf(((BtfTypedef) t).type());
      case VOLATILE:
      case CONST:
      case RESTRICT:
      case TYPE_TAG:
        return alignOf(((BtfQualifier) t).type());
      case ARRAY:
        return alignOf(((BtfArray) t).type());
      case STRUCT:
      case UNION:
        return compositeAlign((BtfComposite) t);
      default:
        return 0;
    }
  }

  private int compositeAlign(BtfComposite t) {
    int maxAlign = 1;
    List<BtfMember> members = t.members();
    for (int mI = 0; mI < members.size(); mI++) {
      BtfMember m = members.get(mI);
      int align = alignOf(m.type());
      if (align <= 0) {
        return align;
      }
      maxAlign = Math.max(maxAlign, align);
      if (m.bitfieldSize() == 0 && Integer.remainderUnsigned(m.bitOffset(), 8 * align) != 0) {
        return 1;
      }
    }
    if (Integer.remainderUnsigned(t.size(), maxAlign) != 0) {
      return 1;
    }
    return maxAlign;
  }

  /**
   * Whether a struct needs {@code __attribute__((packed))} to keep its layout: a plain member off
   * its natural alignment, or a size that is no multiple of the largest member alignment.
   */
  boolean isPacked(BtfComposite t) {
    int maxAlign = 1;
    List<BtfMember> members = t.members();
    for (int mI = 0; mI < members.size(); mI++) {
      BtfMember m = members.get(mI);
      int align = alignOf(m.type());
      if (align != 0
          && m.bitfieldSize() == 0
          && Integer.remainderUnsigned(m.bitOffset(), 8 * align) != 0) {
        return true;
      }
      maxAlign = Math.max(align, maxAlign);
    }
    return Integer.remainderUnsigned(t.size(), maxAlign) != 0;
  }

  /**
   * libbpf's {@code btf__resolve_size}: the byte size of type {@code id} through typedefs,
   * qualifiers and arrays (at most {@link #MAX_RESOLVE_DEPTH} steps), or {@link #EINVAL} / {@link
   * #E2BIG}.
   */
  long resolveSize(int id) {
    long nelems = 1;
    long size = -1;
    BtfType t = types.get(id);
    for (int i = 0; i < MAX_RESOLVE_DEPTH && id != 0 && t.kind() != BtfKind.FWD; i++) {
      switch (t.kind()) {
        case INT:
        case STRUCT:
        case UNION:
        case ENUM:
        case ENUM64:
        case DATASEC:
        case FLOAT:
          size = Integer.toUnsignedLong(sizeOf(t));
          return finish(size, nelems);
        case PTR:
          size = pointerSize();
          return finish(size, nelems);
        case TYPEDEF:
          id = ((BtfTypedef) t).type();
          break;
        case VOLATILE:
        case CONST:
        case RESTRICT:
        case TYPE_TAG:
          id = ((BtfQualifier) t).type();
          break;
        case VAR:
          id = ((BtfVar) t).type();
          break;
        case DECL_TAG:
          id = ((BtfDeclTag) t).type();
          break;
        case ARRAY:
          BtfArray a = (BtfArray) t;
          if (nelems != 0 && a.elementCount() > 0xffffffffL / nelems) {
            return E2BIG;
          }
          nelems *= a.elementCount();
          id = a.type();
          break;
        default:
          return EINVAL;
      }
      t = types.get(id);
    }
    return finish(size, nelems);
  }

  private static long finish(long size, long nelems) {
    if (size < 0) {
      return EINVAL;
    }
    if (nelems != 0 && size > 0xffffffffL / nelems) {
      return E2BIG;
    }
    return nelems * size;
  }

  /** The size field of a sized kind. */
  static int sizeOf(BtfType t) {
    if (t instanceof BtfInt i) {
      return i.size();
    }
    if (t instanceof BtfComposite c) {
      return c.size();
    }
    if (t instanceof BtfEnum e) {
      return e.size();
    }
    if (t instanceof BtfEnum64 e) {
      return e.size();
    }
    if (t instanceof BtfFloat f) {
      return f.size();
    }
    if (t instanceof BtfDatasec d) {
      return d.size();
    }
    throw new IllegalArgumentException("no size: " + t);
  }

  private static int minUnsigned(int a, int b) {
    return Integer.compareUnsigned(a, b) <= 0 ? a : b;
  }
}
