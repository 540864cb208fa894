package io.github.core4j.reloc.kernels;

import java.util.List;

/**
 * Kernel names from file names: the file name without {@code .btf}, {@code .tar.xz} or {@code
 * .btf.tar.xz} (and the other compressions and archive suffixes), as the {@code check} matrix
 * reports them — {@code 5.4.0-1010-aws.btf.tar.xz} and {@code 5.4.0-1010-aws.btf} both name {@code
 * 5.4.0-1010-aws}.
 */
public final class KernelNames {
  private static final List<String> COMPRESSIONS = List.of(".xz", ".gz", ".zst", ".bz2");

  private KernelNames() {}

  /** The kernel name for a file (or archive entry) named {@code fileName}. */
  public static String of(String fileName) {
    String name = fileName.substring(fileName.lastIndexOf('/') + 1);
    if (name.endsWith(".tgz") || name.endsWith(".txz")) {
      name = name.substring(0, name.length() - 4);
    } else {
      for (String c : COMPRESSIONS) {
        if (name.endsWith(c) && name.length() > c.length()) {
          name = name.substring(0, name.length() - c.length());
          break;
        }
      }
      name = strip(name, ".tar");
    }
    name = strip(name, ".btf");
    return name;
  }

  /**
   * The kernel release a packaged kernel image path names: {@code boot/vmlinuz-6.1.0-50-amd64}
   * gives {@code 6.1.0-50-amd64}.
   */
  public static String ofImage(String imagePath) {
    String name = imagePath.substring(imagePath.lastIndexOf('/') + 1);
    for (String prefix : List.of("vmlinuz-", "vmlinux-")) {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  /** Whether a file of this name is a tar archive, possibly compressed. */
  static boolean isArchive(String fileName) {
    String n = fileName;
    if (n.endsWith(".tgz") || n.endsWith(".txz")) {
      return true;
    }
    for (String c : COMPRESSIONS) {
      if (n.endsWith(c)) {
        n = n.substring(0, n.length() - c.length());
        break;
      }
    }
    return n.endsWith(".tar");
  }

  /** Whether a directory walk takes a file of this name as a kernel (BTF, archive, image, deb). */
  static boolean isKernelFile(String fileName) {
    if (isArchive(fileName) || fileName.endsWith(".deb")) {
      return true;
    }
    if (fileName.startsWith("vmlinuz") || fileName.startsWith("vmlinux")) {
      return true;
    }
    String n = fileName;
    for (String c : COMPRESSIONS) {
      if (n.endsWith(c)) {
        n = n.substring(0, n.length() - c.length());
        break;
      }
    }
    return n.endsWith(".btf");
  }

  private static String strip(String name, String suffix) {
    return name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length())
        : name;
  }
}
