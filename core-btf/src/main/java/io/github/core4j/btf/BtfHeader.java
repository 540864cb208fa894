package io.github.core4j.btf;

/**
 * The BTF header: magic, version, flags and the section offsets (relative to the end of the
 * header). The layout section ({@code layout_off/layout_len}) exists only when {@code hdrLen} is at
 * least 32.
 */
public record BtfHeader(
    int version,
    int flags,
    int hdrLen,
    int typeOff,
    int typeLen,
    int strOff,
    int strLen,
    int layoutOff,
    int layoutLen) {

  /** The BTF magic number as read in the file's own byte order. */
  public static final int MAGIC = 0xEB9F;

  /** Size of the classic header (up to and including str_len). */
  public static final int CLASSIC_SIZE = 24;

  /** Size of the header with the layout section fields. */
  public static final int WITH_LAYOUT_SIZE = 32;
}
