package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.core4j.testing.AllocationBudget;
import io.github.core4j.testing.ErrorMessages;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The checks the fuzz targets apply to every input catch what they are there to catch. */
class FuzzOraclesTest {
  @Test
  void allocationSizedByAnUncheckedCountIsAFinding() {
    byte[] input = {(byte) 0xff, (byte) 0xff, 0x7f, 0x00};
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> AllocationBudget.parse(input.length, "count parse", () -> new long[1 << 24]));
    assertEquals(
        "count parse of a 4-byte input allocated", e.getMessage().replaceAll(" \\d+ bytes.*", ""));
  }

  @Test
  void allocationWithinTheBudgetPassesTheResultOn() {
    assertEquals(3, AllocationBudget.parse(3, "small parse", () -> new byte[3]).length);
  }

  @Test
  void errorsMustNameTheirSourceOnOneLine() {
    ErrorMessages.check(new BtfFormatException("f.btf", 0, "STRUCT 'a\nb'"), "f.btf");
    assertThrows(
        AssertionFailedError.class,
        () -> ErrorMessages.check(new IllegalStateException("STRUCT 'a\nb'"), "f.btf"));
    assertThrows(
        AssertionFailedError.class,
        () -> ErrorMessages.check(new IllegalStateException("bad"), "f.btf"));
  }
}
