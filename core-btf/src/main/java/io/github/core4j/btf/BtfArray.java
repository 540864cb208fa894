package io.github.core4j.btf;

/** A fixed-size array of {@code nelems} elements of {@code type}, indexed by {@code indexType}. */
public record BtfArray(String name, int type, int indexType, int nelems) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.ARRAY;
  }

  /** The element count as an unsigned value. */
  public long elementCount() {
    return Integer.toUnsignedLong(nelems);
  }
}
