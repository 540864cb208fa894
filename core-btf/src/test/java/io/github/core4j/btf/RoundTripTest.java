package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.btf.write.BtfWriter;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** write(parse(x)) == x for every BTF in testdata, and a byte-order flip keeps every type. */
class RoundTripTest {
  static java.util.List<Testdata.BtfCase> cases() {
    return Testdata.btfCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void writeOfParseIsIdentical(Testdata.BtfCase c) {
    byte[] original = BtfFiles.readBytes(c.path());
    Btf btf = c.parse();
    assertArrayEquals(original, BtfWriter.write(btf, btf.byteOrder()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void otherByteOrderKeepsEveryType(Testdata.BtfCase c) {
    Btf btf = c.parse();
    ByteOrder other =
        btf.byteOrder() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] flipped = BtfWriter.write(btf, other);
    Btf again =
        btf.base().isPresent()
            ? Btf.parseSplit(flipped, btf.base().get(), "flipped")
            : Btf.parse(flipped, "flipped");
    assertEquals(other, again.byteOrder());
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    RawDump.write(btf, a);
    RawDump.write(again, b);
    assertEquals(a.toString(), b.toString());
    assertArrayEquals(BtfFiles.readBytes(c.path()), BtfWriter.write(again, btf.byteOrder()));
  }
}
