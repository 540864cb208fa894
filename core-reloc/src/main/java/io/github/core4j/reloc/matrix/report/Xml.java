package io.github.core4j.reloc.matrix.report;

/** XML text and attribute escaping. */
final class Xml {
  private Xml() {}

  /** {@code s} escaped for XML text or a double-quoted attribute; invalid characters dropped. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\n':
          b.append("&#10;");
          break;
        case '\t':
          b.append("&#9;");
          break;
        default:
          if (c >= 0x20 || c == '\r') {
            b.append(c == '\r' ? "&#13;" : String.valueOf(c));
          }
      }
    }
    return b.toString();
  }
}
