package io.github.core4j.btf;

/** The {@code restrict} qualifier on {@code type}. */
public record BtfRestrict(String name, int type) implements BtfQualifier {
  @Override
  public BtfKind kind() {
    return BtfKind.RESTRICT;
  }
}
