package io.github.core4j.reloc;

/**
 * Splits a CO-RE access string such as {@code "0:1:2"} into indices the way libbpf does: components
 * separated by single colons, each read like C's {@code sscanf("%d")} (leading white space and a
 * sign allowed, values beyond 32 bits wrapped as glibc stores them), negative indices rejected, at
 * most {@value SpecBuilder#MAX_LEN} components.
 */
final class AccessString {
  private AccessString() {}

  /**
   * Parses {@code s} into {@code out.raw}.
   *
   * @throws RelocationException EINVAL for malformed strings, E2BIG for more than 64 components
   */
  static void parse(String s, SpecBuilder out) {
    if (s.isEmpty()) {
      throw new RelocationException(ErrorCode.EINVAL, "the access string is empty");
    }
    if (s.charAt(0) == ':') {
      throw new RelocationException(ErrorCode.EINVAL, "access string '" + s + "' starts with ':'");
    }
    int pos = 0;
    int n = s.length();
    while (pos < n) {
      if (s.charAt(pos) == ':') {
        pos++;
      }
      int start = pos;
      while (pos < n && isSpace(s.charAt(pos))) {
        pos++;
      }
      boolean negative = false;
      if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        negative = s.charAt(pos) == '-';
        pos++;
      }
      int digits = pos;
      long value = 0;
      boolean overflow = false;
      while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        int d = s.charAt(pos) - '0';
        if (value > (Long.MAX_VALUE - d) / 10) {
          overflow = true;
        } else {
          value = value * 10 + d;
        }
        pos++;
      }
      if (pos == digits) {
        throw new RelocationException(
            ErrorCode.EINVAL,
            "access string '" + s + "' has no number at position " + start + " (expected N:N:...)");
      }
      // strtol saturates, then the value is stored into an int
      long asLong =
          overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : (negative ? -value : value);
      int index = (int) asLong;
      if (index < 0) {
        throw new RelocationException(
            ErrorCode.EINVAL, "access string '" + s + "' has a negative index " + index);
      }
      if (out.rawLen == SpecBuilder.MAX_LEN) {
        throw new RelocationException(
            ErrorCode.E2BIG,
            "access string '"
                + s
                + "' has more than "
                + SpecBuilder.MAX_LEN
                + " components (libbpf's BPF_CORE_SPEC_MAX_LEN)");
      }
      out.raw[out.rawLen++] = index;
    }
  }

  /** C's {@code isspace} in the C locale. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}
