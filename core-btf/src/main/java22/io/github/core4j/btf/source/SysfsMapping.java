package io.github.core4j.btf.source;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads kernel BTF under {@code /sys/kernel/btf} through a private read-only mapping, one copy
 * instead of a {@code read} call per 4 KiB page (sysfs hands out no more per call). Linux 6.16+
 * lets {@code vmlinux} be mapped ({@code PROT_READ}, {@code MAP_PRIVATE} only); libbpf 1.6+ maps it
 * too.
 *
 * <p>This is the Java 22+ version: {@code mmap} through the foreign function API, used only when
 * the caller enabled native access for core4j ({@code --enable-native-access}), so that it never
 * makes the JDK warn.
 */
@SuppressWarnings("restricted") // mmap through the FFM API; used only when native access is enabled
final class SysfsMapping {
  private static final Path SYSFS = Path.of("/sys/kernel/btf");
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int PROT_READ = 1;
  private static final int MAP_PRIVATE = 2;

  private SysfsMapping() {}

  /** Whether this version can map files at all (the Java 22+ version with native access can). */
  static boolean available() {
    return Libc.HANDLES != null;
  }

  /**
   * The whole of {@code path} copied out of a private mapping, or {@code null} when it cannot be
   * mapped (another file, an older kernel, native access not enabled): read it instead.
   */
  static byte @Nullable [] read(Path path) {
    Libc.Handles c = Libc.HANDLES;
    if (c == null || !path.toAbsolutePath().startsWith(SYSFS)) {
      return null;
    }
    try (Arena arena = Arena.ofConfined()) {
      long size = Files.size(path);
      if (size <= 0 || size > Integer.MAX_VALUE - 16) {
        return null;
      }
      int fd =
          (int) c.open().invokeExact(arena.allocateFrom(path.toString()), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        return null;
      }
      try {
        MemorySegment at =
            (MemorySegment)
                c.mmap().invokeExact(MemorySegment.NULL, size, PROT_READ, MAP_PRIVATE, fd, 0L);
        if (at.address() == -1L) {
          return null; // MAP_FAILED: this kernel does not map this file
        }
        try {
          byte[] bytes = new byte[(int) size];
          MemorySegment.copy(
              at.reinterpret(size), ValueLayout.JAVA_BYTE, 0, bytes, 0, bytes.length);
          return bytes;
        } finally {
          int unused = (int) c.munmap().invokeExact(at, size);
        }
      } finally {
        int unused = (int) c.close().invokeExact(fd);
      }
    } catch (Throwable e) {
      return null; // whatever went wrong, reading the file the ordinary way still works
    }
  }

  /** The libc functions, looked up once, when native access is enabled. */
  private static final class Libc {
    record Handles(MethodHandle open, MethodHandle mmap, MethodHandle munmap, MethodHandle close) {}

    static final @Nullable Handles HANDLES = lookUp();

    private static @Nullable Handles lookUp() {
      if (!SysfsMapping.class.getModule().isNativeAccessEnabled()
          || !System.getProperty("os.name", "").equals("Linux")) {
        return null;
      }
      try {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        ValueLayout.OfInt i32 = ValueLayout.JAVA_INT;
        ValueLayout.OfLong i64 = ValueLayout.JAVA_LONG;
        return new Handles(
            linker.downcallHandle(
                libc.find("open").orElseThrow(),
                FunctionDescriptor.of(i32, ValueLayout.ADDRESS, i32)),
            linker.downcallHandle(
                libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, i64, i32, i32, i32, i64)),
            linker.downcallHandle(
                libc.find("munmap").orElseThrow(),
                FunctionDescriptor.of(i32, ValueLayout.ADDRESS, i64)),
            linker.downcallHandle(
                libc.find("close").orElseThrow(), FunctionDescriptor.of(i32, i32)));
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
