package io.github.core4j.btf.source;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads raw BTF from files: plain ({@code /sys/kernel/btf/vmlinux}, a {@code .btf}), or compressed
 * with xz, gzip, zstd or bzip2 (recognised by content, not by file name).
 */
public final class BtfFiles {
  /** Where the running kernel publishes its BTF. */
  public static final Path SYSFS = Path.of("/sys/kernel/btf");

  private BtfFiles() {}

  /** Reads base BTF from {@code path}. */
  public static Btf read(Path path) {
    return Btf.parse(readBytes(path), path.toString());
  }

  /** Reads split BTF from {@code path} on top of {@code base}. */
  public static Btf read(Path path, @Nullable Btf base) {
    return base == null ? read(path) : Btf.parseSplit(readBytes(path), base, path.toString());
  }

  /** The running kernel's vmlinux BTF. */
  public static Btf runningKernel() {
    return read(SYSFS.resolve("vmlinux"));
  }

  /**
   * The file's bytes as stored: kernel BTF under {@code /sys/kernel/btf} copied out of a private
   * mapping where the JDK and the kernel allow it (sysfs hands out 4 KiB per {@code read}), other
   * files read whole.
   *
   * @throws IOException when the file cannot be read
   */
  public static byte[] readRaw(Path path) throws IOException {
    byte[] mapped = SysfsMapping.read(path);
    return mapped != null ? mapped : Files.readAllBytes(path);
  }

  /** The file's bytes, decompressed when compressed. */
  public static byte[] readBytes(Path path) {
    byte[] mapped = SysfsMapping.read(path);
    if (mapped != null) {
      return mapped; // the kernel's BTF, raw
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      if (bytes.length >= 4
          && bytes[0] == 0x7f
          && bytes[1] == 'E'
          && bytes[2] == 'L'
          && bytes[3] == 'F') {
        return bytes;
      }
      return Compression.inflate(bytes, path.toString());
    } catch (NoSuchFileException e) {
      throw new BtfFormatException(path.toString(), -1, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
