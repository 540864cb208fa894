package io.github.core4j.elf.kernel;

import io.github.core4j.elf.ElfFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An EFI zboot image ({@code CONFIG_EFI_ZBOOT}: arm64, riscv, loongarch): a PE stub whose header
 * ({@code zimg} at offset 4) gives the offset and size of the compressed kernel.
 */
final class ZbootImage {
  private ZbootImage() {}

  static boolean isZboot(ByteBuffer image) {
    return KernelImageFormat.startsWith(image, 0, "MZ")
        && KernelImageFormat.startsWith(image, 4, "zimg");
  }

  static ByteBuffer payload(ByteBuffer image, String source) {
    ByteBuffer d = image.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (d.limit() < 16) {
      throw new ElfFormatException(source, 0, "truncated zboot header");
    }
    long offset = Integer.toUnsignedLong(d.getInt(8));
    long size = Integer.toUnsignedLong(d.getInt(12));
    if (offset > d.limit() || size > d.limit() - offset || size < 4) {
      throw new ElfFormatException(
          source, 8, "zboot payload " + offset + "+" + size + " lies outside the image");
    }
    return d.slice((int) offset, (int) size);
  }
}
