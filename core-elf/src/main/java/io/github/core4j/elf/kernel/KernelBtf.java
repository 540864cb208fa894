package io.github.core4j.elf.kernel;

import io.github.core4j.btf.Btf;
import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfFormatException;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.MappedFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads a kernel's (or module's) BTF from whatever file it comes in: raw BTF, compressed BTF, an
 * ELF with a {@code .BTF} section (vmlinux, a {@code .ko}, a BPF object), a compressed kernel image
 * ({@code bzImage}, EFI zboot, or any image that embeds a gzip/xz/zstd/lz4/bzip2/lzma vmlinux), or
 * a Debian {@code linux-image-*.deb}. Files are memory-mapped; only compressed contents are
 * inflated into the heap.
 */
public final class KernelBtf {
  private static final int MAX_NESTING = 4;
  private static final int MAX_SCAN_CANDIDATES = 64;

  private KernelBtf() {}

  /** Base BTF from {@code path}. */
  public static Btf read(Path path) {
    return read(path, null);
  }

  /**
   * BTF from {@code path}; split BTF on top of {@code base} when it is given (kernel modules), base
   * BTF when it is null.
   */
  public static Btf read(Path path, @Nullable Btf base) {
    return read(MappedFiles.map(path), path.toString(), base);
  }

  /** BTF from the buffer's remaining bytes; {@code source} names them in errors. */
  public static Btf read(ByteBuffer data, String source, @Nullable Btf base) {
    return read(data.slice(), source, base, 0);
  }

  /** The {@code .BTF} section of {@code elf}, split on {@code base} when it is not null. */
  public static Btf fromElf(ElfFile elf, @Nullable Btf base) {
    ElfSection section =
        elf.section(".BTF")
            .orElseThrow(() -> new ElfFormatException(elf.source(), -1, "has no .BTF section"));
    ByteBuffer data = elf.data(section);
    String source = elf.source() + " (.BTF)";
    return base == null ? Btf.parse(data, source) : Btf.parseSplit(data, base, source);
  }

  private static Btf read(ByteBuffer data, String source, @Nullable Btf base, int depth) {
    if (depth > MAX_NESTING) {
      throw new ElfFormatException(
          source, -1, "compressed data nested more than " + MAX_NESTING + " levels deep");
    }
    KernelImageFormat format = KernelImageFormat.detect(data);
    switch (format) {
      case RAW_BTF -> {
        return base == null ? Btf.parse(data, source) : Btf.parseSplit(data, base, source);
      }
      case ELF -> {
        return fromElf(ElfFile.parse(data, source), base);
      }
      case BZIMAGE -> {
        BzImage.Payload p = BzImage.payload(data, source);
        long limit = Math.min(Inflater.DEFAULT_LIMIT, Math.max(p.decompressedSize(), 1));
        byte[] vmlinux = Inflater.inflate(p.compression(), p.data(), source, limit);
        return read(ByteBuffer.wrap(vmlinux), source + " (vmlinux)", base, depth + 1);
      }
      case ZBOOT -> {
        return readEmbedded(ZbootImage.payload(data, source), source, base, depth);
      }
      case ARM64_IMAGE -> {
        ByteBuffer btf = Arm64Image.btf(data, source);
        String where = source + " (.BTF of the arm64 Image)";
        return base == null ? Btf.parse(btf, where) : Btf.parseSplit(btf, base, where);
      }
      case COMPRESSED -> {
        PayloadCompression c = java.util.Objects.requireNonNull(PayloadCompression.detect(data, 0));
        byte[] inflated = Inflater.inflate(c, data, source, Inflater.DEFAULT_LIMIT);
        return read(ByteBuffer.wrap(inflated), source + " (" + c + ")", base, depth + 1);
      }
      case DEB -> {
        DebPackage.Entry image = DebPackage.kernelImage(data, source);
        return read(image.data(), source + ":" + image.name(), base, depth + 1);
      }
      case UNKNOWN -> {
        return readEmbedded(data, source, base, depth);
      }
    }
    throw new IllegalStateException(format.toString());
  }

  /** Finds a compressed ELF anywhere in {@code data} (images with no header we know). */
  private static Btf readEmbedded(ByteBuffer data, String source, @Nullable Btf base, int depth) {
    int tried = 0;
    for (int at = 0; at < data.limit() - 4 && tried < MAX_SCAN_CANDIDATES; at++) {
      PayloadCompression c = PayloadCompression.detect(data, at);
      if (c == null || c == PayloadCompression.LZMA) {
        continue;
      }
      tried++;
      byte[] inflated =
          Inflater.inflateLenient(c, data.slice(at, data.limit() - at), Inflater.DEFAULT_LIMIT);
      if (ElfFile.isElf(ByteBuffer.wrap(inflated))) {
        return read(
            ByteBuffer.wrap(inflated), source + " (" + c + " at " + at + ")", base, depth + 1);
      }
    }
    String head =
        data.limit() >= 4
            ? String.format(
                "%02x %02x %02x %02x", data.get(0), data.get(1), data.get(2), data.get(3))
            : "fewer than 4 bytes";
    throw new ElfFormatException(
        source,
        0,
        "not BTF, ELF, a kernel image, compressed data or a Debian package (starts with "
            + head
            + ")");
  }
}
