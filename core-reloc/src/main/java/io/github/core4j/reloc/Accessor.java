package io.github.core4j.reloc;

import org.jspecify.annotations.Nullable;

/**
 * One high-level step of an {@link AccessSpec}: a named field ({@code name} set, {@code typeId} the
 * struct or union that has it, {@code index} its member index), an array element ({@code name}
 * {@code null}, {@code typeId} the element type, {@code index} the element index), or, for
 * enumerator relocations, the enumerator ({@code typeId} the enum, {@code index} its position,
 * {@code name} its name). The first accessor of a field spec is the element index applied to the
 * root pointer, usually 0.
 */
public record Accessor(int typeId, int index, @Nullable String name) {
  /** Whether this accessor indexes an array (or the root pointer) instead of naming a field. */
  public boolean isArrayIndex() {
    return name == null;
  }
}
