package io.github.core4j.btf;

/** A pointer to {@code type} ({@code BTF_KIND_PTR}). Pointers break layout cycles. */
public record BtfPtr(String name, int type) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.PTR;
  }
}
