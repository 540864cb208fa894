package io.github.core4j.reloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The mutable spec that parsing and matching fill in, the way libbpf fills a {@code struct
 * bpf_core_spec} in place: accessors and raw indices are pushed and popped while members are tried.
 * {@link #freeze()} snapshots it. One builder is reused for every candidate of a relocation.
 */
final class SpecBuilder {
  /** libbpf's {@code BPF_CORE_SPEC_MAX_LEN}: at most this many raw indices and accessors. */
  static final int MAX_LEN = 64;

  final BtfTypes types;
  int rootTypeId;
  @Nullable RelocationKind kind;
  final int[] accTypeId = new int[MAX_LEN];
  final int[] accIndex = new int[MAX_LEN];
  final @Nullable String[] accName = new String[MAX_LEN];
  int len;
  final int[] raw = new int[MAX_LEN];
  int rawLen;
  int bitOffset;

  SpecBuilder(BtfTypes types) {
    this.types = types;
  }

  /** Zeroes the spec for a new root type, like libbpf's memset. */
  SpecBuilder reset(int rootTypeId, RelocationKind kind) {
    this.rootTypeId = rootTypeId;
    this.kind = kind;
    this.len = 0;
    this.rawLen = 0;
    this.bitOffset = 0;
    Arrays.fill(accName, null);
    return this;
  }

  void pushAccessor(int typeId, int index, @Nullable String name) {
    accTypeId[len] = typeId;
    accIndex[len] = index;
    accName[len] = name;
    len++;
  }

  /** The field path built so far, for messages: {@code task_struct.comm}. */
  String path() {
    StringBuilder b = new StringBuilder(types.name(rootTypeId));
    for (int i = 0; i < len; i++) {
      if (accName[i] != null) {
        b.append('.').append(accName[i]);
      } else if (i > 0 || accIndex[i] != 0) {
        b.append('[').append(Integer.toUnsignedString(accIndex[i])).append(']');
      }
    }
    return b.toString();
  }

  AccessSpec freeze() {
    List<Accessor> accessors = new ArrayList<>(len);
    for (int i = 0; i < len; i++) {
      accessors.add(new Accessor(accTypeId[i], accIndex[i], accName[i]));
    }
    return new AccessSpec(
        types,
        rootTypeId,
        java.util.Objects.requireNonNull(kind, "reset() sets the kind"),
        accessors,
        Arrays.copyOf(raw, rawLen),
        bitOffset);
  }
}
