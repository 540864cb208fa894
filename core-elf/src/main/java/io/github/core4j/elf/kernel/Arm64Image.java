package io.github.core4j.elf.kernel;

import io.github.core4j.elf.ElfFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An uncompressed arm64 kernel {@code Image} (Documentation/arch/arm64/booting.rst): the kernel
 * flattened to its load image, with no ELF headers, recognised by {@code ARM\x64} ("ARMd") at
 * offset 0x38. Debian's signed arm64 packages ship this as {@code /boot/vmlinuz-*} (a PE/EFI stub
 * at the front, the signature at the end) so that firmware can verify it; its {@code .BTF} section
 * is in there byte for byte, and {@link #btf} finds it by its header.
 */
final class Arm64Image {
  private static final int MAGIC_OFFSET = 0x38;

  /** {@code struct btf_header} size: the kernel's own BTF always has this header. */
  private static final int BTF_HEADER_SIZE = 24;

  private Arm64Image() {}

  static boolean isArm64Image(ByteBuffer image) {
    return KernelImageFormat.startsWith(image, MAGIC_OFFSET, "ARMd");
  }

  /**
   * The first place in {@code image} where a consistent little-endian BTF header starts (magic,
   * version 1, a 24-byte header, types at offset 0 followed directly by strings, all within the
   * image), sliced to the BTF's length.
   */
  static ByteBuffer btf(ByteBuffer image, String source) {
    ByteBuffer d = image.slice().order(ByteOrder.LITTLE_ENDIAN);
    int end = d.limit() - BTF_HEADER_SIZE;
    for (int at = 0; at <= end; at += 4) { // the section is 4-byte aligned
      if ((d.get(at) & 0xff) != 0x9f
          || (d.get(at + 1) & 0xff) != 0xeb
          || d.get(at + 2) != 1
          || d.getInt(at + 4) != BTF_HEADER_SIZE) {
        continue;
      }
      long typeOff = Integer.toUnsignedLong(d.getInt(at + 8));
      long typeLen = Integer.toUnsignedLong(d.getInt(at + 12));
      long strOff = Integer.toUnsignedLong(d.getInt(at + 16));
      long strLen = Integer.toUnsignedLong(d.getInt(at + 20));
      long size = BTF_HEADER_SIZE + typeLen + strLen;
      if (typeOff == 0 && strOff == typeLen && strLen > 0 && size <= d.limit() - at) {
        return d.slice(at, (int) size);
      }
    }
    throw new ElfFormatException(
        source, MAGIC_OFFSET, "an arm64 Image without BTF (no .BTF header found in its bytes)");
  }
}
