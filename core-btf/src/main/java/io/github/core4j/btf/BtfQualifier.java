package io.github.core4j.btf;

/**
 * A type that only qualifies another: {@code const}, {@code volatile}, {@code restrict} and type
 * tags. Relocation and layout look straight through these.
 */
public sealed interface BtfQualifier extends BtfType
    permits BtfConst, BtfVolatile, BtfRestrict, BtfTypeTag {
  /** The qualified type. */
  int type();
}
