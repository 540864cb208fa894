package io.github.core4j.elf.kernel;

import io.github.core4j.elf.ElfFile;
import java.nio.ByteBuffer;

/** What a file handed to {@link KernelBtf} holds, recognised by its first bytes. */
public enum KernelImageFormat {
  /** Raw BTF, as in {@code /sys/kernel/btf/vmlinux}. */
  RAW_BTF,
  /** An ELF file: vmlinux, a kernel module, a BPF object. */
  ELF,
  /** An x86 {@code bzImage}: a setup header locates the compressed vmlinux. */
  BZIMAGE,
  /** An EFI zboot image (arm64, riscv, loongarch {@code vmlinuz.efi}). */
  ZBOOT,
  /**
   * An uncompressed arm64 {@code Image} (what Debian's signed arm64 packages ship as {@code
   * vmlinuz}): no ELF headers, BTF found by its header.
   */
  ARM64_IMAGE,
  /** A Debian package ({@code ar} archive) holding {@code /boot/vmlinuz-*}. */
  DEB,
  /** A whole file compressed with one of {@link PayloadCompression}. */
  COMPRESSED,
  /** None of the above; may still embed a compressed vmlinux somewhere. */
  UNKNOWN;

  /** The format of the bytes from {@code data}'s position on. */
  public static KernelImageFormat detect(ByteBuffer data) {
    ByteBuffer d = data.slice();
    if (ElfFile.isElf(d)) {
      return ELF;
    }
    if (d.limit() >= 4
        && (((d.get(0) & 0xff) == 0x9f && (d.get(1) & 0xff) == 0xeb)
            || ((d.get(0) & 0xff) == 0xeb && (d.get(1) & 0xff) == 0x9f))
        && d.get(2) == 1) {
      return RAW_BTF;
    }
    if (startsWith(d, 0, "!<arch>\n")) {
      return DEB;
    }
    if (BzImage.isBzImage(d)) {
      return BZIMAGE;
    }
    if (ZbootImage.isZboot(d)) {
      return ZBOOT;
    }
    if (Arm64Image.isArm64Image(d)) {
      return ARM64_IMAGE;
    }
    if (PayloadCompression.detect(d, 0) != null) {
      return COMPRESSED;
    }
    return UNKNOWN;
  }

  static boolean startsWith(ByteBuffer d, int at, String ascii) {
    if (at < 0 || at > d.limit() - ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (d.get(at + i) != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
