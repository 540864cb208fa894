package io.github.core4j.btf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a freshly indexed blob the way the kernel does before anything decodes it: every type id
 * and string offset in range, per-kind constraints (sizes, vlen, kind_flag, linkage), FUNC pointing
 * at a FUNC_PROTO and decl tag components. Reference cycles are found by {@link Btf#validate()}.
 */
final class BtfValidator {
  private final String source;
  private final ByteBuffer b;
  private final StringSection strings;
  private final @Nullable Btf base;
  private final int firstId;
  private final int[] offsets;
  private final byte[] kinds;
  private final List<Integer> declTagsWithComponent = new ArrayList<>();

  /** Local types indexed (ids below {@code firstId + known}). */
  private final int known;

  /**
   * Type ids at or above this are out of range: the type count, or no limit when indexing stopped
   * early at a malformed type (whose error is reported once the types before it are checked).
   */
  private final int typeLimit;

  /**
   * A validator of indexed types: {@code offsets} and {@code kinds} hold the first {@code known}
   * local types; {@code complete} says whether those are all of them.
   */
  BtfValidator(
      String source,
      ByteBuffer b,
      StringSection strings,
      @Nullable Btf base,
      int firstId,
      int[] offsets,
      byte[] kinds,
      int known,
      boolean complete) {
    this.source = source;
    this.b = b;
    this.strings = strings;
    this.base = base;
    this.firstId = firstId;
    this.offsets = offsets;
    this.kinds = kinds;
    this.known = known;
    this.typeLimit = complete ? firstId + known : Integer.MAX_VALUE;
  }

  /**
   * Checks the local types {@code from} (inclusive) to {@code to} (exclusive) in id order; the
   * first malformed one throws.
   */
  void checkRange(int from, int to) {
    for (int i = from; i < to; i++) {
      checkType(firstId + i, offsets[i]);
    }
  }

  /**
   * The checks that decode other types, once every type passed {@link #checkRange}: decl tag
   * components against the members or parameters of the tagged type.
   */
  void finish(Btf btf) {
    for (int id : declTagsWithComponent) {
      checkDeclTagComponent(btf, id);
    }
  }

  private void checkType(int id, int off) {
    int nameOff = b.getInt(off);
    if (!strings.isValid(nameOff)) {
      throw fail(
          id,
          off,
          "name offset "
              + Integer.toUnsignedString(nameOff)
              + " is outside the string section (size "
              + strings.end()
              + ")");
    }
    int info = b.getInt(off + 4);
    int kindValue = (info >>> 24) & 0x7f;
    int vlen = info & 0xffffff;
    boolean kflag = info < 0;
    int sizeOrType = b.getInt(off + 8);
    int data = off + 12;
    BtfKind kind = BtfKind.ofValue(kindValue);
    if (kind == null) {
      return; // unknown kind, stepped over with the layout section; nothing more we can check
    }
    switch (kind) {
      case INT -> {
        noVlen(id, off, vlen);
        noKindFlag(id, off, kflag);
        int word = b.getInt(data);
        int encoding = (word >>> 24) & 0x0f;
        int bitOffset = (word >>> 16) & 0xff;
        int bits = word & 0xff;
        if ((word & 0xf000ff00) != 0) {
          throw fail(
              id,
              off,
              "reserved bits of the INT encoding word 0x" + Integer.toHexString(word) + " are set");
        }
        if (sizeOrType != 1
            && sizeOrType != 2
            && sizeOrType != 4
            && sizeOrType != 8
            && sizeOrType != 16) {
          throw fail(
              id,
              off,
              "INT size " + Integer.toUnsignedString(sizeOrType) + " is not 1, 2, 4, 8 or 16");
        }
        if (bits == 0 || bits > 128 || bitOffset + bits > sizeOrType * 8) {
          throw fail(
              id,
              off,
              "INT with "
                  + bits
                  + " bits at bit offset "
                  + bitOffset
                  + " does not fit its "
                  + sizeOrType
                  + " bytes");
        }
        if (encoding != 0
            && encoding != BtfInt.SIGNED
            && encoding != BtfInt.CHAR
            && encoding != BtfInt.BOOL) {
          throw fail(
              id, off, "INT encoding " + encoding + " is not one of none, SIGNED, CHAR, BOOL");
        }
      }
      case PTR, VOLATILE, CONST, RESTRICT -> {
        noVlen(id, off, vlen);
        noKindFlag(id, off, kflag);
        checkRef(id, off + 8, sizeOrType, "referenced type");
      }
      case TYPEDEF, TYPE_TAG -> {
        noVlen(id, off, vlen);
        if (kind == BtfKind.TYPEDEF) {
          noKindFlag(id, off, kflag);
        }
        needName(id, off, nameOff);
        checkRef(id, off + 8, sizeOrType, "referenced type");
      }
      case ARRAY -> {
        noVlen(id, off, vlen);
        noKindFlag(id, off, kflag);
        if (sizeOrType != 0) {
          throw fail(
              id, off, "ARRAY size field must be 0, found " + Integer.toUnsignedString(sizeOrType));
        }
        checkRef(id, data, b.getInt(data), "element type");
        checkRef(id, data + 4, b.getInt(data + 4), "index type");
      }
      case STRUCT, UNION -> {
        long bitSize = Integer.toUnsignedLong(sizeOrType) * 8;
        for (int i = 0, p = data; i < vlen; i++, p += 12) {
          checkString(id, p, b.getInt(p), "member", i, "name");
          checkRef(id, p + 4, b.getInt(p + 4), "member", i, "type");
          int encoded = b.getInt(p + 8);
          long bitOffset = kflag ? encoded & 0xffffff : Integer.toUnsignedLong(encoded);
          int bitfieldSize = kflag ? encoded >>> 24 : 0;
          if (bitfieldSize > 128) {
            throw fail(
                id,
                p + 8,
                "member " + i + " has a bitfield size of " + bitfieldSize + " bits (max 128)");
          }
          if (bitOffset > bitSize) {
            throw fail(
                id,
                p + 8,
                "member "
                    + i
                    + " starts at bit "
                    + bitOffset
                    + ", past the end of the "
                    + sizeOrType
                    + "-byte "
                    + kind.name());
          }
        }
      }
      case ENUM, ENUM64 -> {
        if (sizeOrType != 1 && sizeOrType != 2 && sizeOrType != 4 && sizeOrType != 8) {
          throw fail(
              id,
              off,
              kind.name()
                  + " size "
                  + Integer.toUnsignedString(sizeOrType)
                  + " is not 1, 2, 4 or 8");
        }
        int step = kind.elementSize();
        for (int i = 0, p = data; i < vlen; i++, p += step) {
          checkString(id, p, b.getInt(p), "enumerator", i, "name");
        }
      }
      case FWD -> {
        noVlen(id, off, vlen);
        needName(id, off, nameOff);
      }
      case FUNC -> {
        noKindFlag(id, off, kflag);
        needName(id, off, nameOff);
        if (vlen > 2) {
          throw fail(
              id, off, "FUNC linkage " + vlen + " is not static (0), global (1) or extern (2)");
        }
        checkRef(id, off + 8, sizeOrType, "prototype");
        if (sizeOrType - firstId < known) { // else past a malformed type, which is reported
          checkFuncProto(id, off, kindOf(sizeOrType));
        }
      }
      case FUNC_PROTO -> {
        noKindFlag(id, off, kflag);
        checkRef(id, off + 8, sizeOrType, "return type");
        for (int i = 0, p = data; i < vlen; i++, p += 8) {
          checkString(id, p, b.getInt(p), "parameter", i, "name");
          checkRef(id, p + 4, b.getInt(p + 4), "parameter", i, "type");
        }
      }
      case VAR -> {
        noVlen(id, off, vlen);
        noKindFlag(id, off, kflag);
        needName(id, off, nameOff);
        checkRef(id, off + 8, sizeOrType, "variable type");
        if (sizeOrType == 0) {
          throw fail(id, off + 8, "VAR of type void");
        }
        int linkage = b.getInt(data);
        if (linkage < 0 || linkage > 2) {
          throw fail(
              id,
              data,
              "VAR linkage "
                  + Integer.toUnsignedString(linkage)
                  + " is not static (0), global (1) or extern (2)");
        }
      }
      case DATASEC -> {
        noKindFlag(id, off, kflag);
        needName(id, off, nameOff);
        for (int i = 0, p = data; i < vlen; i++, p += 12) {
          checkRef(id, p, b.getInt(p), "section entry", i, "type");
        }
      }
      case FLOAT -> {
        noVlen(id, off, vlen);
        noKindFlag(id, off, kflag);
        if (sizeOrType != 2
            && sizeOrType != 4
            && sizeOrType != 8
            && sizeOrType != 12
            && sizeOrType != 16) {
          throw fail(
              id,
              off,
              "FLOAT size " + Integer.toUnsignedString(sizeOrType) + " is not 2, 4, 8, 12 or 16");
        }
      }
      case DECL_TAG -> {
        noVlen(id, off, vlen);
        needName(id, off, nameOff);
        checkRef(id, off + 8, sizeOrType, "tagged type");
        int component = b.getInt(data);
        if (component < -1) {
          throw fail(id, data, "DECL_TAG component_idx " + component + " is below -1");
        }
        if (component >= 0) {
          declTagsWithComponent.add(id);
        }
      }
      case UNKN -> throw fail(id, off, "kind 0 (UNKN)");
    }
  }

  private BtfKind kindOf(int id) {
    if (id == 0) {
      return BtfKind.UNKN;
    }
    if (id < firstId) {
      return java.util.Objects.requireNonNull(base).kind(id);
    }
    BtfKind kind = BtfKind.ofValue(kinds[id - firstId]);
    return kind == null ? BtfKind.UNKN : kind;
  }

  private void checkFuncProto(int id, int off, BtfKind protoKind) {
    if (protoKind != BtfKind.FUNC_PROTO) {
      throw fail(
          id,
          off + 8,
          "FUNC must refer to a FUNC_PROTO, but type [" + b.getInt(off + 8) + "] is " + protoKind);
    }
  }

  /** Runs after every type passed {@link #checkType}, so the tagged types can be decoded safely. */
  private void checkDeclTagComponent(Btf btf, int id) {
    int off = btf.offsetOf(id);
    int data = off + 12;
    int tagged = b.getInt(off + 8);
    int component = b.getInt(data);
    BtfType target = btf.type(tagged);
    int components;
    if (target instanceof BtfComposite c) {
      components = c.members().size();
    } else if (target instanceof BtfFunc f) {
      components = ((BtfFuncProto) btf.type(f.type())).params().size();
    } else {
      throw fail(
          id,
          data,
          "DECL_TAG with component_idx "
              + component
              + " must tag a STRUCT, UNION or FUNC, not "
              + btf.kind(tagged));
    }
    if (component >= components) {
      throw fail(
          id,
          data,
          "DECL_TAG component_idx "
              + component
              + " is out of range (the tagged type has "
              + components
              + ")");
    }
  }

  private void noVlen(int id, int off, int vlen) {
    if (vlen != 0) {
      throw fail(id, off + 4, "vlen must be 0 for this kind, found " + vlen);
    }
  }

  private void noKindFlag(int id, int off, boolean kflag) {
    if (kflag) {
      throw fail(id, off + 4, "kind_flag must be 0 for this kind");
    }
  }

  private void needName(int id, int off, int nameOff) {
    if (nameOff == 0 || strings.isEmptyAt(nameOff)) {
      throw fail(id, off, "this kind must have a name");
    }
  }

  private void checkString(int id, int at, int nameOff, String what, int index, String field) {
    if (!strings.isValid(nameOff)) {
      checkString(id, at, nameOff, what + " " + index + " " + field);
    }
  }

  private void checkRef(int id, int at, int ref, String what, int index, String field) {
    if (ref < 0 || ref >= typeLimit) {
      checkRef(id, at, ref, what + " " + index + " " + field);
    }
  }

  private void checkString(int id, int at, int nameOff, String what) {
    if (!strings.isValid(nameOff)) {
      throw fail(
          id,
          at,
          what
              + " offset "
              + Integer.toUnsignedString(nameOff)
              + " is outside the string section (size "
              + strings.end()
              + ")");
    }
  }

  private void checkRef(int id, int at, int ref, String what) {
    if (ref < 0 || ref >= typeLimit) {
      throw fail(
          id,
          at,
          what
              + " refers to type id "
              + Integer.toUnsignedString(ref)
              + ", but the largest type id is "
              + (typeLimit - 1));
    }
  }

  private BtfFormatException fail(int id, int at, String message) {
    return new BtfFormatException(source, at, "type [" + id + "] " + describe(id) + ": " + message);
  }

  private String describe(int id) {
    int off = offsets[id - firstId];
    String kind = BtfParser.kindLabel(b.getInt(off + 4));
    int nameOff = b.getInt(off);
    String name = strings.isValid(nameOff) ? strings.get(nameOff) : "?";
    return kind + " '" + (name.isEmpty() ? "(anon)" : name) + "'";
  }
}
