package io.github.core4j.btf;

/** The {@code const} qualifier on {@code type}. */
public record BtfConst(String name, int type) implements BtfQualifier {
  @Override
  public BtfKind kind() {
    return BtfKind.CONST;
  }
}
