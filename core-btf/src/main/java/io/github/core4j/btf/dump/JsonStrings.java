package io.github.core4j.btf.dump;

/** JSON string literals, as every core4j JSON output writes them (bpftool's escaping rules). */
public final class JsonStrings {
  private JsonStrings() {}

  /**
   * Appends {@code s} to {@code sb} as a quoted JSON string, escaping quotes and control
   * characters.
   */
  public static void appendQuoted(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
