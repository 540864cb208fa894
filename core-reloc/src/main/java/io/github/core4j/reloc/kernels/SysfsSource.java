package io.github.core4j.reloc.kernels;

import io.github.core4j.btf.Btf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The running kernel's BTF, {@code /sys/kernel/btf/vmlinux}, named after the running kernel's
 * release ({@code uname -r}) since every kernel's file is called {@code vmlinux}.
 */
public final class SysfsSource implements KernelSource {
  /** Where the running kernel publishes its BTF. */
  public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

  private static final Path OSRELEASE = Path.of("/proc/sys/kernel/osrelease");

  private final Path path;

  /** The running kernel. */
  public SysfsSource() {
    this(VMLINUX);
  }

  /** A sysfs-style BTF file at {@code path} (tests point this elsewhere). */
  public SysfsSource(Path path) {
    this.path = path;
  }

  /** Whether {@code path} is the running kernel's sysfs BTF. */
  public static boolean isSysfs(Path path) {
    return path.toAbsolutePath().normalize().equals(VMLINUX);
  }

  /** The running kernel's release, or {@code vmlinux} when it can't be read. */
  public static String runningRelease() {
    try {
      String release = Files.readString(OSRELEASE).trim();
      return release.isEmpty() ? "vmlinux" : release;
    } catch (IOException | SecurityException e) {
      return "vmlinux";
    }
  }

  @Override
  public String location() {
    return path.toString();
  }

  @Override
  public void forEach(Consumer<Kernel> each) {
    Btf btf;
    try {
      // sysfs attributes can't always be memory-mapped: read the bytes
      btf = Btf.parse(Files.readAllBytes(path), path.toString());
    } catch (IOException e) {
      throw new KernelSourceException(path.toString(), "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw KernelSources.failure(path.toString(), e);
    }
    each.accept(new Kernel(runningRelease(), path.toString(), btf));
  }
}
