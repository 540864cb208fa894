package io.github.core4j.btf.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * core-btf's multi-release jar as the command line runs it (Java 25, native access enabled): its
 * Java 22 {@code SysfsMapping} copies the running kernel's BTF out of a private mapping on kernels
 * that allow it (6.16+), and gives the same bytes as reading the file.
 */
class SysfsMappingTest {
  private static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

  /**
   * The versioned class exists only in core-btf's jar: {@code mvn test} in the reactor puts
   * core-btf's class directory on the class path, where the JVM ignores {@code META-INF/versions}
   * ({@code mvn verify}, the README's test command, tests against the jar).
   */
  @BeforeAll
  static void coreBtfComesAsItsJar() {
    String from =
        String.valueOf(SysfsMapping.class.getProtectionDomain().getCodeSource().getLocation());
    Oracle.requireThat(
        from.endsWith(".jar"), "core-btf as its jar (it is a class directory here: " + from + ")");
  }

  @Test
  void theJava22VersionIsInForce() {
    assertTrue(
        SysfsMapping.available(), "core-btf's META-INF/versions/22 class with native access");
  }

  @Test
  void mapsTheRunningKernelsBtfToTheBytesReadGives() throws IOException {
    Oracle.requireFile(VMLINUX.toString(), "the running kernel's BTF");
    byte[] mapped = SysfsMapping.read(VMLINUX);
    if (kernelAtLeast(6, 16)) {
      assertNotNull(mapped, "Linux 6.16+ maps /sys/kernel/btf/vmlinux");
      assertArrayEquals(Files.readAllBytes(VMLINUX), mapped);
    } else {
      assertNull(mapped, "older kernels refuse the mapping; the file is read instead");
    }
    assertArrayEquals(Files.readAllBytes(VMLINUX), BtfFiles.readBytes(VMLINUX));
    assertArrayEquals(Files.readAllBytes(VMLINUX), BtfFiles.readRaw(VMLINUX));
  }

  @Test
  void filesOutsideSysfsAreReadNotMapped(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("x.btf"), new byte[] {1, 2, 3});
    assertNull(SysfsMapping.read(file));
    assertArrayEquals(new byte[] {1, 2, 3}, BtfFiles.readRaw(file));
  }

  private static boolean kernelAtLeast(int major, int minor) {
    String[] v = System.getProperty("os.version").split("[.-]");
    int ma = Integer.parseInt(v[0]);
    int mi = Integer.parseInt(v[1]);
    return ma > major || (ma == major && mi >= minor);
  }
}
