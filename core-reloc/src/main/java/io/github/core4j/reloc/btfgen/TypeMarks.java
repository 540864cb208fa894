package io.github.core4j.reloc.btfgen;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which types, and which members of struct and union types, one target BTF blob (vmlinux or one
 * module's own types) must keep. This is bpftool's "marked" copy of the BTF, as plain sets: a type
 * is kept when {@link #isKept(int)}; a kept struct or union keeps only the members in {@link
 * #keptMembers(int)}, with their original offsets, and its original size.
 *
 * <p>Also remembers which (type, walk) pairs {@link TypeMarker} has already expanded, so that each
 * is walked once however many relocations reach it.
 */
final class TypeMarks {
  private final BitSet types = new BitSet();
  private final Map<Integer, BitSet> members = new HashMap<>();
  private final EnumMap<TypeMarker.Walk, BitSet> expanded = new EnumMap<>(TypeMarker.Walk.class);

  TypeMarks() {
    for (TypeMarker.Walk w : TypeMarker.Walk.values()) {
      expanded.put(w, new BitSet());
    }
  }

  /** Keeps type {@code id}. */
  void keep(int id) {
    types.set(id);
  }

  /** Keeps member {@code index} of struct or union {@code id} (and the type itself). */
  void keepMember(int id, int index) {
    types.set(id);
    members.computeIfAbsent(id, k -> new BitSet()).set(index);
  }

  /** Whether type {@code id} is kept. */
  boolean isKept(int id) {
    return types.get(id);
  }

  /** The kept types' ids, ascending. */
  BitSet keptTypes() {
    return (BitSet) types.clone();
  }

  /** The kept members of struct or union {@code id}; null when none is. */
  @Nullable BitSet keptMembers(int id) {
    return members.get(id);
  }

  /**
   * Records that {@code walk} is expanding {@code id}; false when it already has (nothing more to
   * do).
   */
  boolean startExpanding(TypeMarker.Walk walk, int id) {
    BitSet done = java.util.Objects.requireNonNull(expanded.get(walk));
    if (done.get(id)) {
      return false;
    }
    done.set(id);
    return true;
  }

  /** Whether {@code walk} has already expanded {@code id}. */
  boolean wasExpanded(TypeMarker.Walk walk, int id) {
    return java.util.Objects.requireNonNull(expanded.get(walk)).get(id);
  }
}
