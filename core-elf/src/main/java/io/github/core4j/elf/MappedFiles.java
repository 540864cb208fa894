package io.github.core4j.elf;

import io.github.core4j.btf.source.BtfFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Maps files read-only into memory, so that large inputs (vmlinux, kernel packages) are paged in as
 * they are read instead of being copied into the heap.
 */
public final class MappedFiles {
  private MappedFiles() {}

  /**
   * A read-only mapping of the whole of {@code path}; files of 2 GiB or more are refused. Files
   * that cannot be mapped (sysfs files such as {@code /sys/kernel/btf/vmlinux}) are read into the
   * heap.
   */
  public static ByteBuffer map(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new ElfFormatException(
            path.toString(), -1, "file is " + size + " bytes; files of 2 GiB or more are refused");
      }
      try {
        return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      } catch (IOException e) {
        // sysfs and other special files cannot be mapped shared: read them instead
        return ByteBuffer.wrap(BtfFiles.readRaw(path)).asReadOnlyBuffer();
      }
    } catch (NoSuchFileException e) {
      throw new ElfFormatException(path.toString(), -1, "no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
