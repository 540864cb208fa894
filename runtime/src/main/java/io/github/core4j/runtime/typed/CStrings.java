package io.github.core4j.runtime.typed;

import java.nio.charset.StandardCharsets;

/** C strings held in {@code char[N]} arrays: text up to the first NUL. */
public final class CStrings {
  private CStrings() {}

  /** The UTF-8 text of {@code chars} up to its first NUL (all of it without one). */
  public static String decode(byte[] chars) {
    int n = 0;
    while (n < chars.length && chars[n] != 0) {
      n++;
    }
    return new String(chars, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * {@code text} as a NUL-padded {@code char[size]}; throws when its UTF-8 bytes and the NUL do not
   * fit.
   */
  public static byte[] encode(String text, int size) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length >= size) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" needs "
              + (utf8.length + 1)
              + " bytes with its NUL; the array has "
              + size);
    }
    byte[] out = new byte[size];
    System.arraycopy(utf8, 0, out, 0, utf8.length);
    return out;
  }
}
