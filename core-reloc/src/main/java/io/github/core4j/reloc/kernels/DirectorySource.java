package io.github.core4j.reloc.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Every kernel file under a directory, recursively: BTF files ({@code *.btf}, compressed {@code
 * *.btf.xz}...), archives ({@code *.tar.xz}, {@code *.tar.gz}..., so a BTFHub tree {@code
 * distro/version/arch/kernel.btf.tar.xz} works as is), kernel images ({@code vmlinuz*}, {@code
 * vmlinux*}) and Debian packages ({@code *.deb}). Other files are ignored. The order is fixed: the
 * entries of each directory sorted by name, subdirectories walked where they sort.
 */
public final class DirectorySource implements KernelSource {
  private final Path dir;
  private volatile @Nullable List<KernelSource> parts;

  /** The kernels under {@code dir}; the directory is listed when first asked. */
  public DirectorySource(Path dir) {
    this.dir = dir;
  }

  @Override
  public String location() {
    return dir.toString();
  }

  @Override
  public void forEach(Consumer<Kernel> each) {
    for (KernelSource part : parts()) {
      part.forEach(each);
    }
  }

  /** One source per kernel file found, in walk order. */
  @Override
  public List<KernelSource> parts() {
    List<KernelSource> p = parts;
    if (p == null) {
      List<KernelSource> found = new ArrayList<>();
      walk(dir, found);
      p = List.copyOf(found);
      parts = p;
    }
    return p;
  }

  @Override
  public int expectedKernels() {
    return parts().size();
  }

  private static void walk(Path dir, List<KernelSource> found) {
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new KernelSourceException(dir.toString(), "cannot list the directory: " + e, e);
    }
    for (Path p : entries) {
      if (Files.isDirectory(p)) {
        walk(p, found);
      } else if (Files.isRegularFile(p)
          && p.getFileName() != null
          && KernelNames.isKernelFile(p.getFileName().toString())) {
        found.add(KernelSources.file(p));
      }
    }
  }

  @Override
  public String toString() {
    return "DirectorySource[" + dir + "]";
  }
}
