package io.github.core4j.btf;

/**
 * A type tag ({@code __attribute__((btf_type_tag("name")))}) on {@code type}; {@code attribute} is
 * the kind_flag marking a tag that stands for a plain attribute.
 */
public record BtfTypeTag(String name, int type, boolean attribute) implements BtfQualifier {
  @Override
  public BtfKind kind() {
    return BtfKind.TYPE_TAG;
  }
}
