package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfVoid;

/**
 * Every type of a BTF, base types included, decoded at most once: the C dump visits the same types
 * many times (alignment, sizes, names), and decoding is the expensive part of a visit.
 */
final class TypeCache {
  private final Btf btf;
  private final BtfType[] types;

  TypeCache(Btf btf) {
    this.btf = btf;
    this.types = new BtfType[btf.typeCount()];
    this.types[0] = BtfVoid.INSTANCE;
  }

  /** The BTF the types come from. */
  Btf btf() {
    return btf;
  }

  /** One more than the largest type id (base types included). */
  int count() {
    return types.length;
  }

  /** Type {@code id}, decoded on first use. */
  BtfType get(int id) {
    BtfType t = types[id];
    if (t == null) {
      t = btf.type(id);
      types[id] = t;
    }
    return t;
  }

  /**
   * The kind of type {@code id} without decoding it; {@link BtfKind#UNKN} for void and for kinds
   * core4j does not know.
   */
  BtfKind kind(int id) {
    return id == 0 ? BtfKind.UNKN : btf.kind(id);
  }

  /** Whether type {@code id} has no name (libbpf's {@code name_off == 0}). */
  boolean isAnonymous(int id) {
    return get(id).name().isEmpty();
  }
}
