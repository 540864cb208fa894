package io.github.core4j.reloc.kernels;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.source.Compression;
import io.github.core4j.btf.source.DecoderFailure;
import io.github.core4j.elf.kernel.KernelBtf;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * A tar archive of kernel BTFs, plain or compressed with xz, gzip, zstd or bzip2 (recognised by
 * content): a BTFHub file ({@code 5.4.0-1010-aws.btf.tar.xz}, one {@code .btf} inside) or a tarball
 * of many. The archive is decompressed as a stream and never extracted: each BTF entry is read into
 * memory, parsed and handed out before the next one is read.
 *
 * <p>Entries named like kernel files ({@code *.btf}, compressed BTF, {@code vmlinux*}) are kernels;
 * anything else (directories, READMEs) is skipped. An archive with one kernel names it after the
 * archive ({@code 5.4.0-1010-aws}); in an archive of several, each is named after its entry.
 */
public final class ArchiveSource implements KernelSource {
  /** Refuse entries larger than this (no kernel BTF comes close). */
  static final long MAX_ENTRY = 1L << 30;

  private static final int BUFFER = 1 << 16;

  private final Path path;

  /** The archive at {@code path}. */
  public ArchiveSource(Path path) {
    this.path = path;
  }

  @Override
  public String location() {
    return path.toString();
  }

  @Override
  public void forEach(Consumer<Kernel> each) {
    String location = path.toString();
    try (InputStream file = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(file))) {
      Kernel held = null;
      int count = 0;
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile() || !KernelNames.isKernelFile(baseName(entry.getName()))) {
          continue;
        }
        count++;
        if (held != null) {
          // a second kernel: the first keeps its entry's name and goes out before this one is read
          KernelSources.deliver(each, held);
          held = null;
        }
        Kernel kernel = read(tar, entry, location);
        if (count == 1) {
          held = kernel; // alone in the archive, it is named after the archive
        } else {
          KernelSources.deliver(each, kernel);
        }
      }
      if (held != null) {
        KernelSources.deliver(
            each, new Kernel(KernelNames.of(baseName(location)), held.location(), held.btf()));
      }
      if (count == 0) {
        throw new KernelSourceException(location, "the archive holds no BTF file (*.btf)");
      }
    } catch (NoSuchFileException e) {
      throw new KernelSourceException(location, "no such file", e);
    } catch (IOException e) {
      throw new KernelSourceException(
          location, "cannot read the archive: " + DecoderFailure.describe("archive", e), e);
    } catch (KernelSources.ConsumerFailure e) {
      throw e.original();
    } catch (KernelSourceException e) {
      throw e;
    } catch (RuntimeException e) {
      throw KernelSources.failure(location, e);
    }
  }

  private static Kernel read(TarArchiveInputStream tar, TarArchiveEntry entry, String location)
      throws IOException {
    String where = location + ":" + entry.getName();
    long size = entry.getSize();
    if (size > MAX_ENTRY) {
      throw new KernelSourceException(where, size + " bytes; refusing an entry this large");
    }
    byte[] bytes = tar.readNBytes((int) size);
    if (bytes.length != size) {
      throw new KernelSourceException(
          where, "truncated: " + bytes.length + " of " + size + " bytes in the archive");
    }
    Btf btf = KernelBtf.read(ByteBuffer.wrap(bytes), where, null);
    return new Kernel(KernelNames.of(baseName(entry.getName())), where, btf);
  }

  /** The archive's tar stream: xz through a shared buffer cache (one dictionary per thread). */
  static InputStream decompressed(InputStream file) throws IOException {
    Compression c = Compression.peek(file);
    if (c == Compression.XZ) {
      return new XZInputStream(
          file, DecoderFailure.MEMORY_LIMIT_KIB, true, BasicArrayCache.getInstance());
    }
    return c.open(file);
  }

  private static String baseName(@Nullable String name) {
    if (name == null) {
      return "";
    }
    String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return n.substring(n.lastIndexOf('/') + 1);
  }

  @Override
  public String toString() {
    return "ArchiveSource[" + path + "]";
  }
}
