package io.github.core4j.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

  /**
   * The byte order of BTF or {@code .BTF.ext} data, told by how its first two bytes store the magic
   * {@code 0xeb9f} (both formats share it).
   *
   * @param data the data, its header at index 0 (at least 2 bytes)
   * @param what names the format in the error ({@code "BTF"}, {@code ".BTF.ext"})
   * @param source where the data came from, for the error
   * @throws BtfFormatException when the magic is in neither byte order
   */
  public static ByteOrder byteOrderOf(ByteBuffer data, String what, String source) {
    int magicLe = (data.get(0) & 0xff) | (data.get(1) & 0xff) << 8;
    if (magicLe == MAGIC) {
      return ByteOrder.LITTLE_ENDIAN;
    } else if (magicLe == 0x9FEB) {
      return ByteOrder.BIG_ENDIAN;
    }
    throw new BtfFormatException(
        source,
        0,
        String.format(
            "bad %s magic 0x%02x%02x, expected 0xeb9f (either byte order)",
            what, data.get(0) & 0xff, data.get(1) & 0xff));
  }

  /** Size of the classic header (up to and including str_len). */
  public static final int CLASSIC_SIZE = 24;

  /** Size of the header with the layout section fields. */
  public static final int WITH_LAYOUT_SIZE = 32;
}
