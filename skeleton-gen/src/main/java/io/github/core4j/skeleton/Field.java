package io.github.core4j.skeleton;

/**
 * One member of a generated record or union view: a C struct member (members of anonymous struct
 * members are lifted into their parent, as C lets code name them).
 *
 * @param cName the C member name ({@code a.b} when lifted from an anonymous member)
 * @param javaName the record component name
 * @param type the Java form of the member's type
 * @param bitOffset the offset in bits from the start of the outermost struct
 * @param bits the bitfield width, 0 for a whole member
 */
record Field(String cName, String javaName, JType type, long bitOffset, int bits) {
  /** Whether the member is a bitfield. */
  boolean isBitfield() {
    return bits != 0;
  }

  /** The byte offset of a whole member. */
  long byteOffset() {
    return bitOffset / 8;
  }

  /** "at offset 4" or "bits 3..5 of byte 12 (3 bits)", for Javadoc. */
  String where() {
    if (!isBitfield()) {
      return "at offset " + byteOffset();
    }
    return bits + "-bit bitfield at bit offset " + bitOffset;
  }
}
