package io.github.core4j.btf.source;

import com.google.common.io.ByteStreams;
import io.github.core4j.btf.BtfFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Recognises compressed data by its magic bytes (xz, gzip, zstd, bzip2) and inflates it, refusing
 * output larger than a limit so that a small hostile file cannot exhaust memory.
 */
public enum Compression {
  NONE,
  XZ,
  GZIP,
  ZSTD,
  BZIP2;

  /** Default cap on decompressed size: larger than any vmlinux ELF with BTF, far below the heap. */
  public static final long DEFAULT_LIMIT = 1L << 30;

  /** The longest magic {@link #detect} looks at (xz's). */
  private static final int MAGIC_LENGTH = 6;

  /** The compression whose magic starts {@code head}, or {@link #NONE}. */
  public static Compression detect(byte[] head) {
    if (startsWith(head, 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00)) {
      return XZ;
    }
    if (startsWith(head, 0x1F, 0x8B)) {
      return GZIP;
    }
    if (startsWith(head, 0x28, 0xB5, 0x2F, 0xFD)) {
      return ZSTD;
    }
    if (startsWith(head, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    return NONE;
  }

  /**
   * The compression whose magic starts what {@code in} will read next, read ahead and pushed back
   * so that {@code in} still starts at the same byte.
   *
   * @param in a stream that supports {@link InputStream#mark} (a {@code BufferedInputStream})
   */
  public static Compression peek(InputStream in) throws IOException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("peeking needs a stream that supports mark: " + in);
    }
    in.mark(MAGIC_LENGTH);
    byte[] head = in.readNBytes(MAGIC_LENGTH);
    in.reset();
    return detect(head);
  }

  /** Opens a decompressing stream over {@code in}. */
  public InputStream open(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case XZ ->
          XZCompressorInputStream.builder()
              .setInputStream(in)
              .setMemoryLimitKiB(DecoderFailure.MEMORY_LIMIT_KIB)
              .get();
      case GZIP ->
          GzipCompressorInputStream.builder()
              .setInputStream(in)
              .setDecompressConcatenated(true)
              .get();
      case ZSTD -> new ZstdCompressorInputStream(in);
      case BZIP2 -> new BZip2CompressorInputStream(in);
    };
  }

  /** {@code data} inflated if it is compressed, else {@code data} itself. */
  public static byte[] inflate(byte[] data, String source) {
    return inflate(data, source, DEFAULT_LIMIT);
  }

  /**
   * {@code data} inflated if it is compressed, refusing more than {@code limit} bytes of output.
   */
  public static byte[] inflate(byte[] data, String source, long limit) {
    Compression c = detect(data);
    if (c == NONE) {
      return data;
    }
    try (InputStream in = c.open(new ByteArrayInputStream(data))) {
      byte[] out = ByteStreams.toByteArray(ByteStreams.limit(in, limit + 1));
      if (out.length > limit) {
        throw new BtfFormatException(
            source, -1, c + " data inflates to more than " + limit + " bytes; refusing to read it");
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof BtfFormatException bfe) {
        throw bfe;
      }
      throw new BtfFormatException(source, DecoderFailure.describe(c.toString(), e), e);
    }
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
