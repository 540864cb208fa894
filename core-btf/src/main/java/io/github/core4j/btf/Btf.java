package io.github.core4j.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A parsed BTF blob: base BTF (vmlinux, a BPF object's own BTF) or split BTF on top of a base (a
 * kernel module). Parsing indexes type offsets and validates the blob in one go; types and names
 * are decoded only when asked for, so opening vmlinux BTF builds no per-type objects.
 *
 * <p>Type ids follow libbpf: id 0 is {@code void}; a split BTF's ids continue after its base's, and
 * {@link #type(int)} answers base ids too.
 */
public final class Btf {
  private final String source;
  private final ByteBuffer buf;
  private final BtfHeader header;
  private final @Nullable Btf base;
  private final int firstId;
  private final int[] offsets;
  private final byte[] kinds;
  private final int count;
  private final StringSection strings;
  private final KindLayout layout;
  private volatile @Nullable NameIndex nameIndex;
  private volatile boolean acyclic;
  private volatile int pointerSize;

  Btf(
      String source,
      ByteBuffer buf,
      BtfHeader header,
      @Nullable Btf base,
      int[] offsets,
      byte[] kinds,
      int count,
      StringSection strings,
      KindLayout layout) {
    this.source = source;
    this.buf = buf;
    this.header = header;
    this.base = base;
    this.firstId = base == null ? 1 : base.typeCount();
    this.offsets = offsets;
    this.kinds = kinds;
    this.count = count;
    this.strings = strings;
    this.layout = layout;
  }

  /** Parses base BTF from {@code bytes}; {@code source} names the bytes in error messages. */
  public static Btf parse(byte[] bytes, String source) {
    return BtfParser.parse(ByteBuffer.wrap(bytes), null, source);
  }

  /** Parses base BTF from the buffer's remaining bytes without copying them. */
  public static Btf parse(ByteBuffer bytes, String source) {
    return BtfParser.parse(bytes.slice(), null, source);
  }

  /**
   * Parses split BTF (a kernel module's {@code .BTF}) whose ids and strings continue {@code base}.
   */
  public static Btf parseSplit(byte[] bytes, Btf base, String source) {
    return BtfParser.parse(ByteBuffer.wrap(bytes), base, source);
  }

  /** Parses split BTF from the buffer's remaining bytes without copying them. */
  public static Btf parseSplit(ByteBuffer bytes, Btf base, String source) {
    return BtfParser.parse(bytes.slice(), base, source);
  }

  /**
   * Runs the checks that span many types, once: no reference cycle that passes through no pointer
   * (a typedef of itself, a struct containing itself). Parsing already did every per-type check
   * libbpf and the kernel do; operations that follow type references transitively (size resolution,
   * C dumps, relocation) call this first, so parsing stays as cheap as libbpf's.
   *
   * @return this BTF
   * @throws BtfFormatException naming the cycle
   */
  public Btf validate() {
    if (!acyclic) {
      if (base != null) {
        base.validate();
      }
      new CycleCheck(this).run();
      acyclic = true;
    }
    return this;
  }

  /**
   * The size in bytes of type {@code id} after looking through typedefs and qualifiers, with array
   * sizes multiplied out, as libbpf's {@code btf__resolve_size}.
   *
   * @throws IllegalArgumentException for types without a size (void, functions, forward
   *     declarations)
   * @throws BtfFormatException when the type chain is deeper than 32 links or the size overflows
   */
  public long resolveSize(int id) {
    return SizeResolver.resolve(this, id);
  }

  /**
   * The target's pointer size: the size of {@code long} as this BTF (or its base) describes it,
   * else 8, as libbpf determines it.
   */
  public int pointerSize() {
    int size = pointerSize;
    if (size == 0) {
      size = 8;
      int[] intIds = PointerSize.intIds(this);
      names:
      for (String name : new String[] {"long int", "long unsigned int", "long", "unsigned long"}) {
        for (int id : intIds) {
          if (name(id).equals(name)) {
            int s = ((BtfInt) type(id)).size();
            if (s == 4 || s == 8) {
              size = s;
              break names;
            }
            continue names;
          }
        }
      }
      pointerSize = size;
    }
    return size;
  }

  /** Where these bytes came from (file name), as used in error messages. */
  public String source() {
    return source;
  }

  /** The header as read. */
  public BtfHeader header() {
    return header;
  }

  /** The byte order of the blob (BTF of a big-endian target is big-endian). */
  public ByteOrder byteOrder() {
    return buf.order();
  }

  /** The base BTF of split BTF. */
  public Optional<Btf> base() {
    return Optional.ofNullable(base);
  }

  /** The first type id stored in this blob: 1 for base BTF, the base's type count for split BTF. */
  public int firstId() {
    return firstId;
  }

  /**
   * One more than the largest type id, counting the base's types (libbpf's {@code btf__type_cnt}).
   */
  public int typeCount() {
    return firstId + count;
  }

  /** Whether {@code id} names a type of this BTF or its base (0, void, included). */
  public boolean hasType(int id) {
    return id >= 0 && id < typeCount();
  }

  /** Decodes type {@code id}. */
  public BtfType type(int id) {
    if (id == 0) {
      return BtfVoid.INSTANCE;
    }
    if (id < firstId) {
      return base().orElseThrow().type(checkId(id));
    }
    return TypeDecoder.decode(this, id, offsetOf(id));
  }

  /** The kind of type {@code id} without decoding the type. */
  public BtfKind kind(int id) {
    if (id == 0) {
      return BtfKind.UNKN;
    }
    if (id < firstId) {
      return base().orElseThrow().kind(checkId(id));
    }
    int local = id - firstId;
    if (local >= count) {
      offsetOf(id); // throws the out-of-range message
    }
    BtfKind kind = BtfKind.ofValue(kinds[local]);
    return kind == null ? BtfKind.UNKN : kind;
  }

  /**
   * The offset of type {@code id}'s name in the string section ({@code name_off}; 0 when
   * anonymous), read without decoding the type or the name; for a base type of split BTF, the
   * base's. With {@link #stringSection()} it lets a caller that looks for a few names skip decoding
   * all the others.
   */
  public int nameOffset(int id) {
    if (id == 0) {
      return 0;
    }
    if (id < firstId) {
      return base().orElseThrow().nameOffset(id);
    }
    return buf.getInt(offsetOf(id));
  }

  /**
   * The {@code name_off} of member, enumerator or parameter {@code index} of type {@code id} (a
   * struct, union, enum, enum64 or function prototype), read without decoding. bpftool's dumps
   * print {@code (anon)} only for offset 0 and {@code ''} for any other offset of an empty string;
   * the decoded names cannot tell the two apart.
   *
   * @throws IllegalArgumentException when the type has no such component
   */
  public int componentNameOffset(int id, int index) {
    if (id < firstId && id > 0) {
      return base().orElseThrow().componentNameOffset(id, index);
    }
    int off = offsetOf(id);
    int vlen = buf.getInt(off + 4) & 0xffff;
    int recordSize =
        switch (kind(id)) {
          case STRUCT, UNION, ENUM64 -> 12;
          case ENUM, FUNC_PROTO -> 8;
          default -> 0;
        };
    if (recordSize == 0 || index < 0 || index >= vlen) {
      throw new IllegalArgumentException(
          source + ": type [" + id + "] has no member, value or parameter " + index);
    }
    return buf.getInt(off + 12 + index * recordSize);
  }

  /** The name of type {@code id} without decoding the type; {@code ""} when anonymous. */
  public String name(int id) {
    if (id == 0) {
      return "";
    }
    if (id < firstId) {
      return base().orElseThrow().name(checkId(id));
    }
    return strings.get(buf.getInt(offsetOf(id)));
  }

  /**
   * The string at {@code offset} in the string section (the base's for offsets below this blob's).
   */
  public String string(int offset) {
    if (!strings.isValid(offset)) {
      throw new IllegalArgumentException(
          source
              + ": string offset "
              + offset
              + " is outside the string section (0.."
              + strings.end()
              + ")");
    }
    return strings.get(offset);
  }

  /** The id of the first type named {@code name} of {@code kind}, searching the base first. */
  public OptionalInt findByName(String name, BtfKind kind) {
    for (int id : nameIndex().ids(name)) {
      if (kind(id) == kind) {
        return OptionalInt.of(id);
      }
    }
    return OptionalInt.empty();
  }

  /** All ids (base first) of types named exactly {@code name}, in id order. */
  public int[] idsByName(String name) {
    return nameIndex().ids(name).clone();
  }

  /**
   * All ids of types whose essential name is {@code essentialName}: the name with a trailing {@code
   * ___flavor} suffix removed, as CO-RE candidate search uses it.
   */
  public int[] idsByEssentialName(String essentialName) {
    return nameIndex().essentialIds(essentialName).clone();
  }

  /** The string section as stored (read-only view), for writers that keep offsets unchanged. */
  public ByteBuffer stringSection() {
    return buf.slice(strings.start(), strings.length()).order(buf.order()).asReadOnlyBuffer();
  }

  /** The layout section as stored (read-only view; empty when absent). */
  public ByteBuffer layoutSection() {
    int len = header.layoutLen();
    int start = len == 0 ? 0 : header.hdrLen() + header.layoutOff();
    return buf.slice(start, len).order(buf.order()).asReadOnlyBuffer();
  }

  @Override
  public String toString() {
    return "Btf[" + source + ", ids " + firstId + ".." + (typeCount() - 1) + "]";
  }

  // ---- package-private access for the decoder, validator and name index ----

  ByteBuffer buffer() {
    return buf;
  }

  StringSection strings() {
    return strings;
  }

  KindLayout layout() {
    return layout;
  }

  int localCount() {
    return count;
  }

  /** Kind numbers of the local types, indexed by {@code id - firstId()}; do not modify. */
  byte[] localKinds() {
    return kinds;
  }

  /** Offsets of the local types, indexed by {@code id - firstId()}; do not modify. */
  int[] localOffsets() {
    return offsets;
  }

  int offsetOf(int id) {
    int local = id - firstId;
    if (local < 0 || local >= count) {
      throw new IllegalArgumentException(
          source
              + ": type id "
              + id
              + " is out of range (BTF has ids 0.."
              + (typeCount() - 1)
              + ")");
    }
    return offsets[local];
  }

  int kindValue(int offset) {
    return (buf.getInt(offset + 4) >>> 24) & 0x7f;
  }

  private int checkId(int id) {
    if (id < 0) {
      throw new IllegalArgumentException(source + ": negative type id " + id);
    }
    return id;
  }

  private NameIndex nameIndex() {
    NameIndex index = nameIndex;
    if (index == null) {
      synchronized (this) {
        index = nameIndex;
        if (index == null) {
          index = NameIndex.build(this, base == null ? null : base.nameIndex());
          nameIndex = index;
        }
      }
    }
    return index;
  }
}
