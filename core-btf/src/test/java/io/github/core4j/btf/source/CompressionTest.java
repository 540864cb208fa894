package io.github.core4j.btf.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.core4j.btf.BtfFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Input: small xz files, one whose block header declares a 1 GiB dictionary and one cut short.
 * Expected: {@link Compression#inflate} refuses both with a message that says which, without
 * allocating the dictionary.
 */
class CompressionTest {
  static final byte[] TEXT = "BTF, but compressed".getBytes(StandardCharsets.US_ASCII);

  static byte[] xz(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  @Test
  void xzInflates() throws IOException {
    assertArrayEquals(TEXT, Compression.inflate(xz(TEXT), "t.xz"));
  }

  /**
   * The block header after the 12-byte stream header: size byte, flags, filter id 0x21 (LZMA2),
   * properties size 1, the dictionary-size code, padding, CRC32 of the header. Code 36 is 1 GiB.
   */
  @Test
  void xzDeclaringAHugeDictionaryIsRefused() throws IOException {
    byte[] xz = xz(TEXT);
    int header = 12;
    int size = ((xz[header] & 0xff) + 1) * 4;
    assertEquals(0x21, xz[header + 2], "LZMA2 filter");
    xz[header + 4] = 36;
    CRC32 crc = new CRC32();
    crc.update(xz, header, size - 4);
    long v = crc.getValue();
    for (int i = 0; i < 4; i++) {
      xz[header + size - 4 + i] = (byte) (v >>> (8 * i));
    }
    BtfFormatException e =
        assertThrows(BtfFormatException.class, () -> Compression.inflate(xz, "huge.xz"));
    assertEquals(
        "huge.xz: XZ data declares a dictionary that needs 1048680 KiB of memory, more than the"
            + " 131072 KiB allowed; refusing it",
        e.getMessage());
  }

  @Test
  void truncatedXzSaysItEndsEarly() throws IOException {
    byte[] xz = xz(TEXT);
    BtfFormatException e =
        assertThrows(
            BtfFormatException.class,
            () -> Compression.inflate(Arrays.copyOf(xz, xz.length - 20), "cut.xz"));
    assertEquals("cut.xz: truncated XZ data: it ends before the stream does", e.getMessage());
  }
}
