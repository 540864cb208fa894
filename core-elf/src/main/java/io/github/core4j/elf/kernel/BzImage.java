package io.github.core4j.elf.kernel;

import io.github.core4j.elf.ElfFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An x86 {@code bzImage}. Its real-mode setup header (boot protocol 2.08 and later) gives the
 * offset and length of the compressed vmlinux within the protected-mode part; the last four bytes
 * of that payload are the decompressed size.
 */
public final class BzImage {
  private static final int SETUP_SECTS = 0x1f1;
  private static final int HEADER_MAGIC = 0x202;
  private static final int VERSION = 0x206;
  private static final int PAYLOAD_OFFSET = 0x248;
  private static final int PAYLOAD_LENGTH = 0x24c;

  private BzImage() {}

  /** The compressed vmlinux and what it should inflate to. */
  public record Payload(PayloadCompression compression, ByteBuffer data, long decompressedSize) {}

  /** Whether {@code image} carries an x86 setup header ({@code HdrS} at 0x202). */
  public static boolean isBzImage(ByteBuffer image) {
    return KernelImageFormat.startsWith(image, HEADER_MAGIC, "HdrS");
  }

  /** Locates and checks the payload of {@code image}. */
  public static Payload payload(ByteBuffer image, String source) {
    ByteBuffer d = image.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (d.limit() < PAYLOAD_LENGTH + 4 || !isBzImage(d)) {
      throw new ElfFormatException(source, HEADER_MAGIC, "not a bzImage: no HdrS setup header");
    }
    int version = d.getShort(VERSION) & 0xffff;
    if (version < 0x208) {
      throw new ElfFormatException(
          source,
          VERSION,
          "boot protocol "
              + (version >> 8)
              + "."
              + (version & 0xff)
              + " has no payload fields (needs 2.08 or later)");
    }
    int setupSects = d.get(SETUP_SECTS) & 0xff;
    if (setupSects == 0) {
      setupSects = 4;
    }
    long protectedMode = (setupSects + 1L) * 512;
    long offset = protectedMode + Integer.toUnsignedLong(d.getInt(PAYLOAD_OFFSET));
    long length = Integer.toUnsignedLong(d.getInt(PAYLOAD_LENGTH));
    if (length < 8 || offset > d.limit() || length > d.limit() - offset) {
      throw new ElfFormatException(
          source,
          PAYLOAD_OFFSET,
          "payload at "
              + offset
              + " of "
              + length
              + " bytes does not lie within the image ("
              + d.limit()
              + " bytes)");
    }
    ByteBuffer payload = d.slice((int) offset, (int) length).order(ByteOrder.LITTLE_ENDIAN);
    PayloadCompression c = PayloadCompression.detect(payload, 0);
    if (c == null) {
      throw new ElfFormatException(
          source,
          offset,
          String.format(
              "payload starts with %02x %02x %02x %02x, not a known compression",
              payload.get(0), payload.get(1), payload.get(2), payload.get(3)));
    }
    long size = Integer.toUnsignedLong(payload.getInt((int) length - 4));
    return new Payload(c, payload.slice(0, (int) length - 4), size);
  }
}
