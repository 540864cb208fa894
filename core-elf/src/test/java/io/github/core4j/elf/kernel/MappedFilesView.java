package io.github.core4j.elf.kernel;

import io.github.core4j.elf.MappedFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** Test shorthand: the mapped bytes of a file. */
final class MappedFilesView {
  private MappedFilesView() {}

  static ByteBuffer of(Path p) {
    return MappedFiles.map(p);
  }
}
