package io.github.core4j.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A string table section ({@code SHT_STRTAB}): NUL-terminated names looked up by offset, each
 * checked to lie within the section and to end with a NUL inside it.
 */
final class StringTable {
  private final String source;
  private final ElfSection section;
  private final ByteBuffer data;

  StringTable(String source, ElfSection section, ByteBuffer data) {
    this.source = source;
    this.section = section;
    this.data = data;
  }

  /** The string starting at {@code offset}; {@code what} names the referring field for errors. */
  String get(long offset, String what) {
    int size = data.limit();
    if (offset < 0 || offset >= size) {
      if (offset == 0 && size == 0) {
        return "";
      }
      throw new ElfFormatException(
          source,
          section.describe(),
          section.offset(),
          what
              + " has string offset "
              + Long.toUnsignedString(offset)
              + ", past the end of the string table ("
              + size
              + " bytes)");
    }
    int start = (int) offset;
    int end = start;
    while (end < size && data.get(end) != 0) {
      end++;
    }
    if (end == size) {
      throw new ElfFormatException(
          source,
          section.describe(),
          section.offset() + start,
          what + ": the string at offset " + start + " has no terminating NUL in the section");
    }
    byte[] bytes = new byte[end - start];
    data.get(start, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
