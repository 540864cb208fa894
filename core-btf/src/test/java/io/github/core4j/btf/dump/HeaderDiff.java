package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares headers line by line so a failure names the first differing line, not 3 MB of text. */
final class HeaderDiff {
  private HeaderDiff() {}

  /**
   * Asserts {@code ours} equals {@code expected}, reporting the first different line of {@code
   * what}.
   */
  static void assertSameHeader(String expected, String ours, String what) {
    if (expected.equals(ours)) {
      return;
    }
    String[] e = expected.split("\n", -1);
    String[] o = ours.split("\n", -1);
    for (int i = 0; i < Math.min(e.length, o.length); i++) {
      assertEquals(e[i], o[i], "first difference from bpftool at line " + (i + 1) + " of " + what);
    }
    assertEquals(e.length, o.length, "line count of " + what);
  }
}
