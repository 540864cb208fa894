package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfType;
import java.util.Arrays;
import java.util.List;

/**
 * A relocation's access path resolved in one BTF (libbpf's {@code struct bpf_core_spec}): the root
 * type, the high-level {@link #accessors()} (named fields and array indices), the raw access string
 * indices (which also step through anonymous structs and unions), and the bit offset they add up
 * to. The local spec comes from the object's BTF; a target spec from a candidate in the kernel's.
 *
 * <p>{@link #format()} prints it exactly as libbpf's {@code bpf_core_format_spec} does, e.g. {@code
 * <byte_off> [5] struct task_struct.tgid (0:93 @ offset 1268)}. Type and enumerator specs carry no
 * raw indices beyond the enumerator's; a spec of a candidate that did not match holds what matching
 * had built when it stopped, as libbpf prints it.
 */
public final class AccessSpec {
  private final BtfTypes types;
  private final int rootTypeId;
  private final RelocationKind kind;
  private final List<Accessor> accessors;
  private final int[] raw;
  private final int bitOffset;

  AccessSpec(
      BtfTypes types,
      int rootTypeId,
      RelocationKind kind,
      List<Accessor> accessors,
      int[] raw,
      int bitOffset) {
    this.types = types;
    this.rootTypeId = rootTypeId;
    this.kind = kind;
    this.accessors = List.copyOf(accessors);
    this.raw = raw;
    this.bitOffset = bitOffset;
  }

  /** The BTF this spec walks. */
  public Btf btf() {
    return types.btf();
  }

  /** The helpers over {@link #btf()} the spec was built with. */
  public BtfTypes types() {
    return types;
  }

  /** The relocation's type id in this BTF, before typedefs and modifiers are stripped. */
  public int rootTypeId() {
    return rootTypeId;
  }

  /** The relocation kind the spec was built for. */
  public RelocationKind kind() {
    return kind;
  }

  /** Named fields and array indices, in order. */
  public List<Accessor> accessors() {
    return accessors;
  }

  /** The raw indices, one per access string component. */
  public int[] rawIndices() {
    return raw.clone();
  }

  /** How many raw indices there are. */
  public int rawLength() {
    return raw.length;
  }

  /** The raw index at {@code i}. */
  public int rawIndex(int i) {
    return raw[i];
  }

  /** Bit offset of the accessed field from the start of the root type (unsigned 32-bit). */
  public long bitOffset() {
    return Integer.toUnsignedLong(bitOffset);
  }

  /** The last accessor: the field or element the relocation is about. */
  public Accessor last() {
    return accessors.get(accessors.size() - 1);
  }

  /** libbpf's rendering: {@code <byte_off> [5] struct task_struct.tgid (0:93 @ offset 1268)}. */
  public String format() {
    StringBuilder b = new StringBuilder();
    String name = types.name(rootTypeId);
    b.append('<')
        .append(kind.shortName())
        .append("> [")
        .append(Integer.toUnsignedString(rootTypeId))
        .append("] ")
        .append(types.kindString(rootTypeId))
        .append(' ')
        .append(name.isEmpty() ? "<anon>" : name);
    appendBody(b);
    return b.toString();
  }

  /**
   * The spec without libbpf's kind and type id prefix: {@code struct task_struct.tgid (0:93 @
   * offset 1268)}, as core4j's reports print it.
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    String name = types.name(rootTypeId);
    b.append(types.kindString(rootTypeId)).append(' ').append(name.isEmpty() ? "<anon>" : name);
    appendBody(b);
    return b.toString();
  }

  /** The C-like path of the accessed field: {@code task_struct.real_parent.tgid}-style suffix. */
  public String fieldPath() {
    StringBuilder b = new StringBuilder(types.name(rootTypeId));
    appendAccessors(b);
    return b.toString();
  }

  private void appendBody(StringBuilder b) {
    if (kind.isTypeBased()) {
      return;
    }
    if (kind.isEnumValueBased()) {
      appendEnumerator(b);
      return;
    }
    if (kind.isFieldBased()) {
      appendAccessors(b);
      b.append(" (");
      for (int i = 0; i < raw.length; i++) {
        if (i > 0) {
          b.append(':');
        }
        b.append(raw[i]);
      }
      long off = bitOffset();
      b.append(" @ offset ").append(off / 8);
      if (off % 8 != 0) {
        b.append('.').append(off % 8);
      }
      b.append(')');
    }
  }

  private void appendAccessors(StringBuilder b) {
    for (int i = 0; i < accessors.size(); i++) {
      Accessor a = accessors.get(i);
      if (a.name() != null) {
        b.append('.').append(a.name());
      } else if (i > 0 || a.index() != 0) {
        b.append('[').append(Integer.toUnsignedString(a.index())).append(']');
      }
    }
  }

  private void appendEnumerator(StringBuilder b) {
    // libbpf prints enumerator raw_spec[0] of the root type, which is 0 for a candidate that did
    // not match (the spec was zeroed)
    int idx = raw.length > 0 ? raw[0] : 0;
    int id = types.skipModsAndTypedefs(rootTypeId);
    BtfType t = id < 0 ? null : types.type(id);
    if (t instanceof BtfEnum e) {
      if (idx < e.values().size()) {
        int v = e.values().get(idx).value();
        b.append("::")
            .append(e.values().get(idx).name())
            .append(" = ")
            .append(e.signed() ? Integer.toString(v) : Integer.toUnsignedString(v));
      }
    } else if (t instanceof BtfEnum64 e) {
      if (idx < e.values().size()) {
        long v = e.values().get(idx).value();
        b.append("::")
            .append(e.values().get(idx).name())
            .append(" = ")
            .append(e.signed() ? Long.toString(v) : Long.toUnsignedString(v));
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccessSpec s)) {
      return false;
    }
    return types.btf() == s.types.btf()
        && rootTypeId == s.rootTypeId
        && kind == s.kind
        && bitOffset == s.bitOffset
        && accessors.equals(s.accessors)
        && Arrays.equals(raw, s.raw);
  }

  @Override
  public int hashCode() {
    return (rootTypeId * 31 + bitOffset) * 31 + Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return format();
  }
}
