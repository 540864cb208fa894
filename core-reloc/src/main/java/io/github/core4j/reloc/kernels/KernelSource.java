package io.github.core4j.reloc.kernels;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where kernel BTFs come from: a BTF file, a kernel image or package, an archive of BTFs, a
 * directory tree of any of these, or the running kernel. A source streams its kernels one at a
 * time, in a fixed order, and holds none of them after handing it out — so a source of thousands of
 * kernels needs the memory of one.
 *
 * <p>Sources that contain other sources (directories) list them in {@link #parts()}, so that a
 * caller can read the parts in parallel; reading a part never depends on another.
 */
public interface KernelSource {
  /** Where the kernels come from (a path), for messages. */
  String location();

  /**
   * Reads the kernels in order, handing each to {@code each} as soon as it is parsed; the next one
   * is read only after {@code each} returns.
   *
   * @throws KernelSourceException when a file can't be read or holds no usable BTF
   */
  void forEach(Consumer<Kernel> each);

  /**
   * The independent sources this one is made of, in order: reading each of them in turn is the same
   * as {@link #forEach}. A single file is its own only part.
   */
  default List<KernelSource> parts() {
    return List.of(this);
  }

  /** How many kernels this source is expected to hold, for progress reports (at least 1). */
  default int expectedKernels() {
    return 1;
  }
}
