package io.github.core4j.elf.kernel;

import io.github.core4j.btf.source.DecoderFailure;
import io.github.core4j.elf.ElfFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Inflates one compressed stream into memory, refusing more output than a limit. */
final class Inflater {
  /** Larger than any vmlinux ELF with BTF; far below the heap of a build. */
  static final long DEFAULT_LIMIT = 1L << 30;

  private Inflater() {}

  /** Inflates the stream of {@code compression} starting at {@code data}'s position. */
  static byte[] inflate(
      PayloadCompression compression, ByteBuffer data, String source, long limit) {
    try (InputStream in = compression.open(new ByteBufferInputStream(data.slice()))) {
      return readLimited(in, source, compression.toString(), limit);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ElfFormatException efe) {
        throw efe;
      }
      throw new ElfFormatException(source, DecoderFailure.describe(compression.toString(), e), e);
    } catch (OutOfMemoryError e) {
      throw new ElfFormatException(source, compression + " data inflates past the heap", e);
    }
  }

  /**
   * Inflates what it can: when the stream is followed by other bytes some decoders fail after the
   * end of their data, and an embedded payload is judged by what came out, not by how it ended.
   */
  static byte[] inflateLenient(PayloadCompression compression, ByteBuffer data, long limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = compression.open(new ByteBufferInputStream(data.slice()))) {
      byte[] chunk = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(chunk)) > 0 && total + n <= limit) {
        total += n;
        out.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      // keep what was inflated before the failure
    }
    return out.toByteArray();
  }

  static byte[] readLimited(InputStream in, String source, String what, long limit)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > limit) {
        throw new ElfFormatException(
            source, -1, what + " data inflates to more than " + limit + " bytes; refusing it");
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }
}
