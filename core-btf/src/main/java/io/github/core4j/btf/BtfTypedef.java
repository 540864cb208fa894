package io.github.core4j.btf;

/** A {@code typedef name type}. */
public record BtfTypedef(String name, int type) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.TYPEDEF;
  }
}
