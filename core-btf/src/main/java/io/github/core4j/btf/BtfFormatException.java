package io.github.core4j.btf;

/**
 * Thrown when bytes that should hold BTF do not. The message names the source (file), the byte
 * offset or type id where the problem was found, and what was expected there.
 */
public class BtfFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;

  /**
   * @param source file name or other description of where the bytes came from
   * @param offset byte offset into the source, or -1 when the problem has no single position
   * @param message what was found and what was expected
   */
  public BtfFormatException(String source, long offset, String message) {
    super(format(source, offset, message));
    this.source = source;
    this.offset = offset;
  }

  /** Wraps a lower-level failure (for example a decompression error) reading {@code source}. */
  public BtfFormatException(String source, String message, Throwable cause) {
    super(format(source, -1, message), cause);
    this.source = source;
    this.offset = -1;
  }

  private static String format(String source, long offset, String message) {
    return OneLine.of(
        offset >= 0
            ? source + ": at offset " + offset + " (0x" + Long.toHexString(offset) + "): " + message
            : source + ": " + message);
  }

  /** Where the bytes came from. */
  public String source() {
    return source;
  }

  /** Byte offset of the problem, or -1. */
  public long offset() {
    return offset;
  }
}
