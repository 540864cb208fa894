package io.github.core4j.btf;

/** A floating point type of {@code size} bytes. */
public record BtfFloat(String name, int size) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.FLOAT;
  }
}
