package io.github.core4j.btf;

/**
 * Text for an error message, on one printable line. Names come from the input, and a hostile (or
 * fuzzed) file can name a type {@code "a\nb"} or with bytes that are not UTF-8: control characters
 * become C-style escapes ({@code \n}, {@code \x1b}) and the bytes {@link ByteExactUtf8} keeps as
 * lone surrogates become {@code \xNN} again, so that one error stays one line and cannot drive a
 * terminal.
 */
public final class OneLine {
  private OneLine() {}

  /** {@code text} with every non-printable character escaped; itself when there is none. */
  public static String of(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (printable(c)) {
        if (sb != null) {
          sb.append(c);
        }
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (sb != null) {
          sb.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        escape(c, sb);
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static boolean printable(char c) {
    if (c < 0xa0) {
      return c >= 0x20 && c < 0x7f;
    }
    return !Character.isSurrogate(c) && c != 0x2028 && c != 0x2029;
  }

  private static void escape(char c, StringBuilder sb) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> {
        if (c < 0x100) {
          sb.append(String.format("\\x%02x", (int) c));
        } else if (c >= 0xdc80 && c <= 0xdcff) {
          sb.append(String.format("\\x%02x", c - 0xdc00)); // a byte that was not UTF-8
        } else {
          sb.append(String.format("\\u%04x", (int) c));
        }
      }
    }
  }
}
