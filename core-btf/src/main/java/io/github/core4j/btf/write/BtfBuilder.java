package io.github.core4j.btf.write;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfType;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds BTF in code: add type records in order (each gets the next id), then {@link #build()}
 * encodes and parses them back, so a built BTF has passed the same validation as one read from a
 * file.
 */
public final class BtfBuilder {
  private final @Nullable Btf base;
  private final List<BtfType> types = new ArrayList<>();

  /** A builder for base BTF: the first added type gets id 1. */
  public BtfBuilder() {
    this(null);
  }

  /** A builder for split BTF on {@code base}: the first added type gets the base's type count. */
  public BtfBuilder(@Nullable Btf base) {
    this.base = base;
  }

  /** Adds {@code type} and returns its id. */
  public int add(BtfType type) {
    types.add(type);
    return (base == null ? 1 : base.typeCount()) + types.size() - 1;
  }

  /** The id the next added type will get. */
  public int nextId() {
    return (base == null ? 1 : base.typeCount()) + types.size();
  }

  /** The encoded bytes in {@code order}. */
  public byte[] toBytes(ByteOrder order) {
    return BtfWriter.write(types, base, order);
  }

  /** Encodes in little-endian order and parses the result. */
  public Btf build() {
    return build(ByteOrder.LITTLE_ENDIAN, "built BTF");
  }

  /** Encodes in {@code order} and parses the result; {@code source} names it in error messages. */
  public Btf build(ByteOrder order, String source) {
    byte[] bytes = toBytes(order);
    return base == null ? Btf.parse(bytes, source) : Btf.parseSplit(bytes, base, source);
  }
}
