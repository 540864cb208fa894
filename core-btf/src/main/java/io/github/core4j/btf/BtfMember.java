package io.github.core4j.btf;

/**
 * A struct or union member: name, type id, offset in bits from the start of the composite, and the
 * bitfield size in bits (0 when the member is not a bitfield).
 */
public record BtfMember(String name, int type, int bitOffset, int bitfieldSize) {
  /** The member offset as stored: with kind_flag, bitfield size in the top 8 bits. */
  public int encodedOffset(boolean kindFlag) {
    return kindFlag ? (bitfieldSize << 24) | bitOffset : bitOffset;
  }

  /** Whether this member is a bitfield. */
  public boolean isBitfield() {
    return bitfieldSize != 0;
  }
}
