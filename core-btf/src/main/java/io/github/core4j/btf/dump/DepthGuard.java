package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfFormatException;

/**
 * Bounds the recursion of the C dump. libbpf recurses without a limit, so a hostile BTF (a typedef
 * that points to a pointer to itself, a chain of a million qualifiers) would exhaust the stack; we
 * stop with a {@link BtfFormatException} instead. Real BTF nests a few dozen levels at most.
 */
final class DepthGuard {
  /** Deepest nesting of type references the C dump follows. */
  static final int MAX_DEPTH = 1000;

  private final String source;
  private int depth;

  DepthGuard(String source) {
    this.source = source;
  }

  /** Enters one level for type {@code id}; throws when the limit is passed. */
  void enter(int id) {
    if (++depth > MAX_DEPTH) {
      throw tooDeep(source, id);
    }
  }

  /** Leaves one level. */
  void exit() {
    depth--;
  }

  /** The error for a chain of references deeper than {@link #MAX_DEPTH} at type {@code id}. */
  static BtfFormatException tooDeep(String source, int id) {
    return new BtfFormatException(
        source,
        -1,
        "C dump: type references nest deeper than "
            + MAX_DEPTH
            + " levels at type ["
            + id
            + "] (a reference cycle or a hostile chain of types)");
  }
}
