package io.github.core4j.reloc.kernels;

import io.github.core4j.btf.Btf;
import io.github.core4j.elf.MappedFiles;
import io.github.core4j.elf.kernel.DebPackage;
import io.github.core4j.elf.kernel.KernelBtf;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One file that holds one kernel's BTF, in any form {@link KernelBtf} reads: raw BTF (plain or
 * compressed), an ELF with {@code .BTF} (vmlinux), a compressed kernel image ({@code vmlinuz}) or a
 * Debian {@code linux-image-*.deb}. Plain files are memory-mapped, not copied; a package is
 * streamed up to its kernel image.
 *
 * <p>The kernel is named after the file ({@link KernelNames#of}), except a package, which is named
 * after the kernel release of the image inside ({@code 6.1.0-50-amd64}).
 */
public final class BtfFileSource implements KernelSource {
  private final Path path;

  /** The kernel in {@code path}. */
  public BtfFileSource(Path path) {
    this.path = path;
  }

  @Override
  public String location() {
    return path.toString();
  }

  @Override
  public void forEach(Consumer<Kernel> each) {
    each.accept(read());
  }

  /** Reads and parses the kernel. */
  public Kernel read() {
    String location = path.toString();
    String fileName = path.getFileName() == null ? location : path.getFileName().toString();
    try {
      if (fileName.endsWith(".deb")) {
        DebPackage.Entry image = DebPackage.kernelImage(MappedFiles.map(path), location);
        Btf btf = KernelBtf.read(image.data(), location + ":" + image.name(), null);
        return new Kernel(KernelNames.ofImage(image.name()), location, btf);
      }
      return new Kernel(KernelNames.of(fileName), location, KernelBtf.read(path));
    } catch (KernelSourceException e) {
      throw e;
    } catch (RuntimeException e) {
      throw KernelSources.failure(location, e);
    }
  }

  @Override
  public String toString() {
    return "BtfFileSource[" + path + "]";
  }
}
