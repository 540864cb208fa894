package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Any byte sequence survives decode then encode; valid UTF-8 decodes as the JDK decodes it. */
class ByteExactUtf8Test {
  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  private static String roundTrip(byte[] bytes) {
    String s = ByteExactUtf8.decode(bytes, 0, bytes.length);
    assertArrayEquals(bytes, ByteExactUtf8.encode(s), s);
    return s;
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "6869, hi, ASCII",
    "c3a9, é, two bytes",
    "e4b8ad, 中, three bytes",
    "f09f9880, \uD83D\uDE00, four bytes (a surrogate pair in Java)",
  })
  void validUtf8DecodesNormally(String bytes, String text, String what) {
    assertEquals(text, roundTrip(hex(bytes)));
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), ByteExactUtf8.encode(text));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "70726992, pri\uDC92, a stray continuation byte",
    "c080, \uDCC0\uDC80, an overlong NUL",
    "eda080, \uDCED\uDCA0\uDC80, an encoded surrogate",
    "e4b8, \uDCE4\uDCB8, a truncated sequence",
    "f4908080, \uDCF4\uDC90\uDC80\uDC80, past U+10FFFF",
    "ff61, \uDCFFa, a byte UTF-8 never uses, then ASCII",
  })
  void invalidBytesBecomeEscapes(String bytes, String text, String what) {
    assertEquals(text, roundTrip(hex(bytes)));
  }

  @Test
  void randomBytesRoundTrip() {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      roundTrip(bytes);
    }
  }

  @Test
  void loneSurrogatesThatAreNoEscapesEncodeAsTheJdkDoes() {
    assertArrayEquals(
        "?a?".getBytes(StandardCharsets.UTF_8), ByteExactUtf8.encode("\uD800a\uDC10"));
  }
}
