package io.github.core4j.btf;

/** A global or static variable ({@code BTF_KIND_VAR}) of {@code type}. */
public record BtfVar(String name, int type, BtfLinkage linkage) implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.VAR;
  }
}
