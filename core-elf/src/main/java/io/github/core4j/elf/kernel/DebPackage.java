package io.github.core4j.elf.kernel;

import io.github.core4j.btf.source.DecoderFailure;
import io.github.core4j.elf.ElfFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one file out of a Debian package without extracting it: the {@code ar} archive's {@code
 * data.tar.*} member is decompressed as a stream and its tar entries are walked until the wanted
 * one, which alone is read into memory.
 */
public final class DebPackage {
  /** Cap on the size of the file read out of the package. */
  static final long MAX_ENTRY = 1L << 30;

  private DebPackage() {}

  /** A file read from the package: its path inside and its bytes. */
  public record Entry(String name, ByteBuffer data) {}

  /**
   * The kernel image ({@code boot/vmlinuz-*} or {@code boot/vmlinux-*}) of a linux-image package.
   */
  public static Entry kernelImage(ByteBuffer deb, String source) {
    return find(deb, source, DebPackage::isKernelImage)
        .orElseThrow(
            () ->
                new ElfFormatException(
                    source, -1, "the package holds no boot/vmlinuz-* or boot/vmlinux-* file"));
  }

  /** The first regular file of the package's data whose path {@code wanted} accepts. */
  public static Optional<Entry> find(ByteBuffer deb, String source, Predicate<String> wanted) {
    try (ArArchiveInputStream ar =
        new ArArchiveInputStream(new ByteBufferInputStream(deb.slice()))) {
      ArArchiveEntry member;
      while ((member = ar.getNextEntry()) != null) {
        if (!member.getName().startsWith("data.tar")) {
          continue;
        }
        return findInData(new BufferedInputStream(ar, 1 << 16), member.getName(), source, wanted);
      }
      throw new ElfFormatException(source, -1, "not a Debian package: no data.tar member");
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElfFormatException efe) {
        throw efe;
      }
      throw new ElfFormatException(
          source, "cannot read the package: " + DecoderFailure.describe("package", e), e);
    }
  }

  private static Optional<Entry> findInData(
      BufferedInputStream data, String member, String source, Predicate<String> wanted)
      throws IOException {
    data.mark(16);
    byte[] head = data.readNBytes(8);
    data.reset();
    PayloadCompression c = PayloadCompression.detect(ByteBuffer.wrap(head), 0);
    InputStream tarStream = c == null ? data : c.open(data);
    TarArchiveInputStream tar = new TarArchiveInputStream(tarStream);
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
      if (e.isFile() && wanted.test(name)) {
        if (e.getSize() > MAX_ENTRY) {
          throw new ElfFormatException(
              source, -1, member + ": " + name + " is " + e.getSize() + " bytes; refusing it");
        }
        return Optional.of(
            new Entry(
                name,
                ByteBuffer.wrap(Inflater.readLimited(tar, source, member + ":" + name, MAX_ENTRY))
                    .asReadOnlyBuffer()));
      }
    }
    return Optional.empty();
  }

  static boolean isKernelImage(String name) {
    return name.startsWith("boot/vmlinuz-") || name.startsWith("boot/vmlinux-");
  }
}
