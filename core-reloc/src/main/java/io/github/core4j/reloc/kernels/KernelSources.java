package io.github.core4j.reloc.kernels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Picks the {@link KernelSource} for a path users name, and flattens sources into their parts. */
public final class KernelSources {
  private KernelSources() {}

  /**
   * The source for {@code path}: a directory is walked ({@link DirectorySource}), {@code
   * /sys/kernel/btf/vmlinux} is the running kernel ({@link SysfsSource}), a file named like a tar
   * archive is an {@link ArchiveSource}, anything else one kernel file ({@link BtfFileSource}).
   *
   * @throws KernelSourceException when the path does not exist or can't be read
   */
  public static KernelSource of(Path path) {
    if (!Files.exists(path)) {
      throw new KernelSourceException(path.toString(), "no such file or directory");
    }
    if (!Files.isReadable(path)) {
      throw new KernelSourceException(path.toString(), "not readable");
    }
    if (Files.isDirectory(path)) {
      return new DirectorySource(path);
    }
    if (SysfsSource.isSysfs(path)) {
      return new SysfsSource(path);
    }
    return file(path);
  }

  /** The source for a file, chosen by its name. */
  static KernelSource file(Path path) {
    Path name = path.getFileName();
    if (name != null && KernelNames.isArchive(name.toString())) {
      return new ArchiveSource(path);
    }
    return new BtfFileSource(path);
  }

  /** Every path's source, flattened into independent parts, in order. */
  public static List<KernelSource> parts(List<Path> paths) {
    List<KernelSource> out = new ArrayList<>();
    for (Path p : paths) {
      out.addAll(of(p).parts());
    }
    return out;
  }

  /** Wraps a failure to read {@code location}, keeping the original message. */
  static KernelSourceException failure(String location, RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // the BTF and ELF readers already name the file: don't say it twice
    if (message.startsWith(location)) {
      message = message.substring(location.length()).replaceFirst("^[:\\s]+", "");
    }
    return new KernelSourceException(location, message, e);
  }

  /**
   * Hands {@code kernel} to {@code each}; what {@code each} throws is wrapped so that a source can
   * tell it apart from its own read errors ({@link ConsumerFailure#getCause()} is the original).
   */
  static void deliver(Consumer<Kernel> each, Kernel kernel) {
    try {
      each.accept(kernel);
    } catch (RuntimeException e) {
      throw new ConsumerFailure(e);
    }
  }

  /** What a consumer of kernels threw, passed through a source unchanged. */
  static final class ConsumerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConsumerFailure(RuntimeException cause) {
      super(cause);
    }

    RuntimeException original() {
      return (RuntimeException) java.util.Objects.requireNonNull(getCause());
    }
  }
}
