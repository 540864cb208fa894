package io.github.core4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every error from bad input must look like: a message that names where the bytes came from
 * and is one printable line (names from the input escaped), so the CLI's one-line errors and build
 * logs stay readable whatever the file holds. The fuzz targets check each error they catch.
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  /** {@code e}'s message starts with {@code source} and is one printable line. */
  public static void check(RuntimeException e, String source) {
    String message = oneLine(e);
    if (!message.startsWith(source)) {
      fail("the message does not start with the source '" + source + "': " + message, e);
    }
  }

  /** {@code e}'s message is one printable line (for errors that name types rather than files). */
  public static String oneLine(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      fail("an error without a message", e);
      throw new AssertionError();
    }
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < message.length()
              && Character.isLowSurrogate(message.charAt(i + 1));
      if (pair) {
        i++;
      } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c)) {
        fail(
            "the message has the unprintable character U+"
                + String.format("%04X", (int) c)
                + " at "
                + i
                + ": "
                + message,
            e);
      }
    }
    return message;
  }
}
