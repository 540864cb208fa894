package io.github.core4j.btf;

/** A forward declaration of a struct, or of a union when {@code union} (the kind_flag) is set. */
public record BtfFwd(String name, boolean union) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.FWD;
  }
}
