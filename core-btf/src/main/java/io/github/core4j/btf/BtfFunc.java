package io.github.core4j.btf;

/** A function ({@code BTF_KIND_FUNC}): name, its FUNC_PROTO type and linkage. */
public record BtfFunc(String name, int type, BtfLinkage linkage) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.FUNC;
  }
}
