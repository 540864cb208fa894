package io.github.core4j.btf.source;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads kernel BTF under {@code /sys/kernel/btf} through a private read-only mapping, one copy
 * instead of a {@code read} call per 4 KiB page (sysfs hands out no more per call). Linux 6.16+
 * lets {@code vmlinux} be mapped; libbpf 1.6+ maps it too.
 *
 * <p>This is the Java 17 version, which cannot map it ({@link java.nio.channels.FileChannel} maps
 * read-only files shared, which the kernel refuses); the jar's Java 22+ version, under {@code
 * META-INF/versions/22}, maps it through the foreign function API when native access is enabled.
 */
final class SysfsMapping {
  private SysfsMapping() {}

  /** Whether this version can map files at all (the Java 22+ version with native access can). */
  static boolean available() {
    return false;
  }

  /**
   * The whole of {@code path} copied out of a private mapping, or {@code null} when it cannot be
   * mapped (another file, an older kernel, this JDK, native access not enabled): read it instead.
   */
  static byte @Nullable [] read(Path path) {
    return null;
  }
}
