package io.github.core4j.btf;

/** The {@code volatile} qualifier on {@code type}. */
public record BtfVolatile(String name, int type) implements BtfQualifier {
  @Override
  public BtfKind kind() {
    return BtfKind.VOLATILE;
  }
}
