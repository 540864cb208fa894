package io.github.core4j.maven;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.CDumpOptions;
import io.github.core4j.elf.kernel.KernelBtf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code vmlinux.h} that BPF C sources include: every type of a kernel's BTF as C, dumped by
 * core4j itself (what {@code bpftool btf dump file BTF format c} prints), so a build needs no
 * bpftool.
 */
public final class VmlinuxHeader {
  /** The running kernel's BTF, the default source of the header. */
  public static final Path RUNNING_KERNEL = Path.of("/sys/kernel/btf/vmlinux");

  /** The header's file name. */
  public static final String FILE_NAME = "vmlinux.h";

  private VmlinuxHeader() {}

  /**
   * Writes {@code includeDir/vmlinux.h} from the BTF in {@code btf} (raw or compressed BTF, or an
   * ELF with {@code .BTF} such as a vmlinux) and returns it.
   *
   * @throws BuildException when the BTF is missing or unreadable
   */
  public static Path write(Path btf, Path includeDir) {
    requireBtf(btf);
    Btf types;
    try {
      types = KernelBtf.read(btf);
    } catch (RuntimeException e) {
      throw new BuildException(
          "cannot read kernel BTF " + btf + " for vmlinux.h: " + e.getMessage(), e);
    }
    Path header = includeDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(includeDir);
      Path tmp = Files.createTempFile(includeDir, ".vmlinux", ".h");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          CDump.write(types, out, CDumpOptions.BPFTOOL);
        }
        Files.move(tmp, header, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new BuildException(header + ": cannot write: " + e.getMessage(), e);
    }
    return header;
  }

  /**
   * Checks that {@code btf} can be read, with a message that says what to configure.
   *
   * @throws BuildException when it can't
   */
  public static void requireBtf(Path btf) {
    if (Files.isRegularFile(btf) && Files.isReadable(btf)) {
      return;
    }
    if (btf.equals(RUNNING_KERNEL)) {
      throw new BuildException(
          "the running kernel has no readable "
              + RUNNING_KERNEL
              + " (CONFIG_DEBUG_INFO_BTF) to generate vmlinux.h from: set <btf> to a kernel's BTF"
              + " file");
    }
    throw new BuildException(
        "<btf> "
            + btf
            + (Files.exists(btf) ? " is not a readable file" : " does not exist")
            + ": point it at a kernel BTF (raw, compressed or a vmlinux) or leave it out to use "
            + RUNNING_KERNEL);
  }
}
