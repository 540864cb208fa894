package io.github.core4j.btf;

/**
 * A declaration tag ({@code btf_decl_tag}) on {@code type}: on the declaration itself when {@code
 * componentIdx} is -1, else on that member or parameter. {@code attribute} is the kind_flag.
 */
public record BtfDeclTag(String name, int type, int componentIdx, boolean attribute)
    implements BtfType {
  @Override
  public BtfKind kind() {
    return BtfKind.DECL_TAG;
  }
}
