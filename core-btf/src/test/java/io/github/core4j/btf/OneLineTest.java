package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Error text stays one printable line whatever names the input holds. */
class OneLineTest {
  @Test
  void printableTextIsUnchanged() {
    String s = "type [16] STRUCT 'task_struct' — ok, ünïcödé, 😀";
    assertSame(s, OneLine.of(s));
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals(
        "STRUCT 'a\\nb\\tc\\r\\x1b[31m\\x7f\\x85'",
        OneLine.of("STRUCT 'a\nb\tc\r\u001b[31m\u007f\u0085'"));
  }

  @Test
  void bytesThatWereNotUtf8AreTheirBytesAgain() {
    byte[] name = {'n', (byte) 0xff, (byte) 0xc3, '!'};
    assertEquals("n\\xff\\xc3!", OneLine.of(ByteExactUtf8.decode(name, 0, name.length)));
  }

  @Test
  void lineSeparatorsAndOtherLoneSurrogatesAreEscaped() {
    assertEquals("a\\u2028b\\ud800c", OneLine.of("a\u2028b\ud800c"));
  }

  @Test
  void btfFormatExceptionsAreOneLine() {
    assertEquals(
        "f.btf: at offset 8 (0x8): type [1] STRUCT 'a\\nb': bad",
        new BtfFormatException("f.btf", 8, "type [1] STRUCT 'a\nb': bad").getMessage());
  }
}
