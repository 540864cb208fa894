package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.PointerSize;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's type helpers over one {@link Btf}, as CO-RE relocation uses them: decoded types (cached,
 * so relocating many fields of {@code task_struct} decodes it once), modifier and typedef
 * stripping, {@code btf__resolve_size} and the BTF's pointer size. Thread-safe; one instance can
 * serve every relocation against the same target BTF.
 */
public final class BtfTypes {
  /** libbpf's {@code MAX_RESOLVE_DEPTH}. */
  static final int MAX_RESOLVE_DEPTH = 32;

  private final Btf btf;
  private final Map<Integer, BtfType> cache = new ConcurrentHashMap<>();
  private volatile int pointerSize;

  /** The essential-name index of {@link #forNames}, limited to its names; null: use the BTF's. */
  private volatile @Nullable Map<String, int[]> essentialIndex;

  private BtfTypes(Btf btf, int pointerSize) {
    this.btf = btf;
    this.pointerSize = pointerSize;
  }

  /** Helpers over {@code btf}, whose pointer size is guessed from its {@code long} type. */
  public static BtfTypes of(Btf btf) {
    return new BtfTypes(btf, 0);
  }

  /**
   * Helpers over a kernel's BTF for relocations whose local types all have essential names in
   * {@code essentialNames} — as when known objects are checked against many kernels. The
   * essential-name index covers only those names (a lookup of any other name finds nothing) and is
   * built, with the pointer size, in one pass that decodes no name it does not need: several times
   * cheaper than the full index on a vmlinux. Split BTF gets the full index.
   */
  public static BtfTypes forNames(Btf btf, Collection<String> essentialNames) {
    if (btf.base().isPresent()) {
      return of(btf);
    }
    NameScan.Result r = NameScan.scan(btf, essentialNames, PointerSize.LONG_NAMES);
    BtfTypes types = new BtfTypes(btf, r.pointerSize());
    types.essentialIndex = r.index();
    return types;
  }

  /**
   * Helpers over a BPF object's own BTF: libbpf fixes the pointer size of BPF-targeted BTF at 8
   * bytes.
   */
  public static BtfTypes ofObject(Btf btf) {
    return new BtfTypes(btf, 8);
  }

  /** The BTF these helpers read. */
  public Btf btf() {
    return btf;
  }

  /** Whether {@code id} names a type (0, void, included). */
  public boolean exists(int id) {
    return btf.hasType(id);
  }

  /**
   * Type {@code id}, decoded once.
   *
   * @throws IllegalArgumentException when there is no such type (check {@link #exists} first)
   */
  public BtfType type(int id) {
    if (!btf.hasType(id)) {
      throw new IllegalArgumentException(
          btf.source() + ": no type " + Integer.toUnsignedString(id));
    }
    if (id == 0) {
      return btf.type(0);
    }
    BtfType t = cache.get(id);
    if (t == null) {
      t = btf.type(id);
      cache.put(id, t);
    }
    return t;
  }

  /** The kind of type {@code id} ({@link BtfKind#UNKN} for void). */
  public BtfKind kind(int id) {
    return btf.kind(id);
  }

  /** The name of type {@code id}, {@code ""} when anonymous. */
  public String name(int id) {
    return btf.name(id);
  }

  /**
   * The id reached from {@code id} by stripping const, volatile, restrict, type tags and typedefs
   * (libbpf's {@code skip_mods_and_typedefs}); -1 when a type on the way does not exist.
   */
  public int skipModsAndTypedefs(int id) {
    for (int i = 0; i <= btf.typeCount(); i++) {
      if (!btf.hasType(id)) {
        return -1;
      }
      BtfKind k = btf.kind(id);
      if (k == BtfKind.TYPEDEF || isModifier(k)) {
        BtfType t = type(id);
        id = t instanceof BtfTypedef typedef ? typedef.type() : ((BtfQualifier) t).type();
      } else {
        return id;
      }
    }
    return -1; // a modifier cycle; validated BTF has none
  }

  /**
   * libbpf's {@code btf_kind_core_compat}: the same kind, or both enums (ENUM and ENUM64 stand in
   * for each other).
   */
  public static boolean kindsCompatible(BtfKind a, BtfKind b) {
    return a == b || (isAnyEnum(a) && isAnyEnum(b));
  }

  /** ENUM or ENUM64. */
  public static boolean isAnyEnum(BtfKind k) {
    return k == BtfKind.ENUM || k == BtfKind.ENUM64;
  }

  /** STRUCT or UNION. */
  public static boolean isComposite(BtfKind k) {
    return k == BtfKind.STRUCT || k == BtfKind.UNION;
  }

  /** const, volatile, restrict and type tags: what libbpf's {@code btf_is_mod} accepts. */
  static boolean isModifier(BtfKind k) {
    return k == BtfKind.CONST
        || k == BtfKind.VOLATILE
        || k == BtfKind.RESTRICT
        || k == BtfKind.TYPE_TAG;
  }

  /**
   * The size in bytes of type {@code id} ({@code btf__resolve_size}): typedefs, modifiers, vars and
   * decl tags are followed, array sizes multiply, pointers have the BTF's pointer size.
   *
   * @throws RelocationException ({@link ErrorCode#EINVAL}) for void, functions and unknown kinds,
   *     or ({@link ErrorCode#E2BIG}) when the size does not fit 32 bits
   */
  public long resolveSize(int id) {
    long nelems = 1;
    int cur = id;
    for (int depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
      BtfType t = type(cur);
      if (t.kind() == BtfKind.UNKN) {
        break;
      }
      switch (t.kind()) {
        case INT, STRUCT, UNION, ENUM, ENUM64, DATASEC, FLOAT -> {
          return checkedSize(id, nelems, sizeOf(t));
        }
        case PTR -> {
          return checkedSize(id, nelems, pointerSize());
        }
        case TYPEDEF -> cur = ((BtfTypedef) t).type();
        case VOLATILE, CONST, RESTRICT, TYPE_TAG -> cur = ((BtfQualifier) t).type();
        case VAR -> cur = ((BtfVar) t).type();
        case DECL_TAG -> cur = ((BtfDeclTag) t).type();
        case ARRAY -> {
          BtfArray a = (BtfArray) t;
          long n = a.elementCount();
          if (nelems != 0 && n > 0xffffffffL / nelems) {
            throw new RelocationException(
                ErrorCode.E2BIG, "the size of " + describe(id) + " does not fit 32 bits");
          }
          nelems *= n;
          cur = a.type();
        }
        default ->
            throw new RelocationException(
                ErrorCode.EINVAL, describe(id) + " has no size (" + describe(cur) + ")");
      }
    }
    throw new RelocationException(ErrorCode.EINVAL, describe(id) + " has no size");
  }

  private long checkedSize(int id, long nelems, long size) {
    if (nelems != 0 && size > 0xffffffffL / nelems) {
      throw new RelocationException(
          ErrorCode.E2BIG, "the size of " + describe(id) + " does not fit 32 bits");
    }
    return nelems * size;
  }

  /**
   * The {@code size} field of a type that has one (ints, composites, enums, floats, datasecs); for
   * other kinds, the field that shares its slot ({@code type}), as libbpf's {@code t->size} reads.
   */
  static long sizeOf(BtfType t) {
    if (t instanceof BtfInt intType) {
      return intType.size();
    } else if (t instanceof BtfComposite composite) {
      return Integer.toUnsignedLong(composite.size());
    } else if (t instanceof BtfEnum enumType) {
      return Integer.toUnsignedLong(enumType.size());
    } else if (t instanceof BtfEnum64 enum64) {
      return Integer.toUnsignedLong(enum64.size());
    } else if (t instanceof BtfFloat floatType) {
      return Integer.toUnsignedLong(floatType.size());
    } else if (t instanceof BtfDatasec datasec) {
      return Integer.toUnsignedLong(datasec.size());
    } else if (t instanceof BtfPtr ptr) {
      return ptr.type();
    } else if (t instanceof BtfTypedef typedef) {
      return typedef.type();
    } else if (t instanceof BtfQualifier qualifier) {
      return qualifier.type();
    } else if (t instanceof BtfFunc func) {
      return func.type();
    } else if (t instanceof BtfVar var) {
      return var.type();
    }
    return 0;
  }

  /**
   * The pointer size: 8 for a BPF object's BTF; otherwise the size of the first integer named like
   * {@code long} (base BTF first), or 8 when there is none (libbpf's {@code determine_ptr_size},
   * falling back to the host's pointer size).
   */
  public int pointerSize() {
    int size = pointerSize;
    if (size == 0) {
      size = guessPointerSize();
      pointerSize = size;
    }
    return size;
  }

  private int guessPointerSize() {
    return PointerSize.guess(btf).orElse(8);
  }

  /**
   * The ids of this BTF's own types (for split BTF: not its base's) whose essential name — the name
   * without a {@code ___flavor} suffix — is {@code essentialName}, in id order: the types libbpf's
   * linear candidate scan would find. Functions, which only function relocations look for, are
   * returned only when {@code kind} is {@link BtfKind#FUNC}, and then nothing else is.
   */
  public int[] idsByEssentialName(String essentialName, BtfKind kind) {
    Map<String, int[]> index = essentialIndex;
    if (index != null && kind != BtfKind.FUNC) {
      return index.getOrDefault(essentialName, NO_IDS);
    }
    boolean functions = kind == BtfKind.FUNC;
    return Arrays.stream(btf.idsByEssentialName(essentialName))
        .filter(id -> id >= btf.firstId() && (btf.kind(id) == BtfKind.FUNC) == functions)
        .toArray();
  }

  private static final int[] NO_IDS = new int[0];

  /** libbpf's {@code btf_kind_str}: {@code struct}, {@code enum64}, {@code void}, ... */
  public String kindString(int id) {
    if (id != 0 && btf.hasType(id) && btf.kind(id) == BtfKind.UNKN) {
      return "unknown";
    }
    return kindString(btf.hasType(id) ? btf.kind(id) : BtfKind.UNKN);
  }

  /** libbpf's name for {@code kind}. */
  public static String kindString(BtfKind kind) {
    return kind == BtfKind.UNKN ? "void" : kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code [id] kind name}, for messages: {@code [5] struct task_struct}. */
  public String describe(int id) {
    if (!btf.hasType(id)) {
      return "[" + Integer.toUnsignedString(id) + "] (no such type)";
    }
    String name = btf.name(id);
    return "[" + id + "] " + kindString(id) + " " + (name.isEmpty() ? "<anon>" : name);
  }

  @Override
  public String toString() {
    return "BtfTypes[" + btf.source() + "]";
  }
}
