package io.github.core4j.elf;

import io.github.core4j.btf.OneLine;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when bytes that should hold an ELF64 file (or a kernel image around one) do not. The
 * message names the file, the section (index and name) when there is one, the byte offset where the
 * problem was found, and what was expected there.
 */
public class ElfFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long offset;

  /**
   * @param source file name or other description of where the bytes came from
   * @param offset byte offset into the source, or -1 when the problem has no single position
   * @param message what was found and what was expected
   */
  public ElfFormatException(String source, long offset, String message) {
    super(format(source, null, offset, message));
    this.source = source;
    this.offset = offset;
  }

  /**
   * A problem inside one section.
   *
   * @param section the section, described as by {@link ElfSection#describe()}
   */
  public ElfFormatException(String source, String section, long offset, String message) {
    super(format(source, section, offset, message));
    this.source = source;
    this.offset = offset;
  }

  /** Wraps a lower-level failure (an I/O or decompression error) reading {@code source}. */
  public ElfFormatException(String source, String message, Throwable cause) {
    super(format(source, null, -1, message), cause);
    this.source = source;
    this.offset = -1;
  }

  private static String format(
      String source, @Nullable String section, long offset, String message) {
    StringBuilder sb = new StringBuilder(source).append(": ");
    if (section != null) {
      sb.append(section);
    }
    if (offset >= 0) {
      sb.append(section != null ? " at offset " : "at offset ")
          .append(offset)
          .append(" (0x")
          .append(Long.toHexString(offset));
      sb.append(')');
    }
    if (section != null || offset >= 0) {
      sb.append(": ");
    }
    return OneLine.of(sb.append(message).toString());
  }

  /** Where the bytes came from. */
  public String source() {
    return source;
  }

  /** Byte offset of the problem in the file, or -1. */
  public long offset() {
    return offset;
  }
}
