package io.github.core4j.btf;

/**
 * An integer type ({@code BTF_KIND_INT}): byte size plus the encoding word's encoding bits, bit
 * offset and number of bits.
 */
public record BtfInt(String name, int size, int encoding, int bitOffset, int bits)
    implements BtfType {
  /** Encoding bit: signed integer. */
  public static final int SIGNED = 1;

  /** Encoding bit: character type. */
  public static final int CHAR = 2;

  /** Encoding bit: boolean. */
  public static final int BOOL = 4;

  @Override
  public BtfKind kind() {
    return BtfKind.INT;
  }

  /** Whether the encoding says signed. */
  public boolean isSigned() {
    return (encoding & SIGNED) != 0;
  }

  /** Whether the encoding says char. */
  public boolean isChar() {
    return (encoding & CHAR) != 0;
  }

  /** Whether the encoding says bool. */
  public boolean isBool() {
    return (encoding & BOOL) != 0;
  }

  /** The encoding word as stored after the common header. */
  public int encodingWord() {
    return (encoding << 24) | (bitOffset << 16) | bits;
  }
}
