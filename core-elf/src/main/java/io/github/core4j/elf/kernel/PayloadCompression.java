package io.github.core4j.elf.kernel;

import com.github.luben.zstd.ZstdInputStream;
import com.google.common.primitives.ImmutableIntArray;
import io.github.core4j.btf.source.DecoderFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.jspecify.annotations.Nullable;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.SingleXZInputStream;

/**
 * The compressions kernels are built with ({@code CONFIG_KERNEL_*}), recognised by magic bytes.
 * Each decoder reads exactly one stream and ignores what follows, because kernel images append the
 * decompressed size after the payload.
 */
public enum PayloadCompression {
  GZIP(ImmutableIntArray.of(0x1f, 0x8b, 0x08)),
  XZ(ImmutableIntArray.of(0xfd, '7', 'z', 'X', 'Z', 0x00)),
  ZSTD(ImmutableIntArray.of(0x28, 0xb5, 0x2f, 0xfd)),
  /** The legacy LZ4 frame format the kernel's {@code lz4 -l} writes. */
  LZ4_LEGACY(ImmutableIntArray.of(0x02, 0x21, 0x4c, 0x18)),
  BZIP2(ImmutableIntArray.of('B', 'Z', 'h')),
  /** Raw LZMA ("alone" format) with the kernel's usual properties byte and dictionary. */
  LZMA(ImmutableIntArray.of(0x5d, 0x00, 0x00));

  private final ImmutableIntArray magic;

  PayloadCompression(ImmutableIntArray magic) {
    this.magic = magic;
  }

  /** Whether the bytes at {@code at} of {@code data} start with this compression's magic. */
  public boolean matches(ByteBuffer data, int at) {
    if (at < 0 || at > data.limit() - magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if ((data.get(at + i) & 0xff) != magic.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The compression whose magic starts at {@code at}, or null. */
  public static @Nullable PayloadCompression detect(ByteBuffer data, int at) {
    for (PayloadCompression c : values()) {
      if (c.matches(data, at)) {
        return c;
      }
    }
    return null;
  }

  /** A stream that inflates one compressed stream read from {@code in}. */
  public InputStream open(InputStream in) throws IOException {
    return switch (this) {
      case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).get();
      case XZ -> new SingleXZInputStream(in, DecoderFailure.MEMORY_LIMIT_KIB);
      case ZSTD -> new ZstdInputStream(in);
      case LZ4_LEGACY -> new Lz4LegacyInputStream(in);
      case BZIP2 -> new BZip2CompressorInputStream(in);
      case LZMA -> new LZMAInputStream(in, DecoderFailure.MEMORY_LIMIT_KIB);
    };
  }
}
