package io.github.core4j.elf.kernel;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.lz4.BlockLZ4CompressorInputStream;

/**
 * Inflates the legacy LZ4 format ({@code lz4 -l}, used for {@code CONFIG_KERNEL_LZ4}): a magic
 * number, then blocks each preceded by its little-endian compressed size and inflating to at most 8
 * MiB. A size word that is the magic again starts a new stream; anything that is not a plausible
 * block size (such as the decompressed size a kernel image appends) ends the data.
 */
final class Lz4LegacyInputStream extends InputStream {
  private static final int MAGIC = 0x184c2102;

  /** LZ4_compressBound(8 MiB): no legacy block is larger. */
  private static final int MAX_BLOCK = 8 * 1024 * 1024 + 8 * 1024 * 1024 / 255 + 16;

  private final DataInputStream in;
  private InputStream block = InputStream.nullInputStream();
  private boolean done;

  Lz4LegacyInputStream(InputStream in) throws IOException {
    this.in = new DataInputStream(in);
    if (readLe32() != MAGIC) {
      throw new IOException("not legacy LZ4 data: bad magic");
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (!done) {
      int n = block.read(b, off, len);
      if (n > 0) {
        return n;
      }
      nextBlock();
    }
    return -1;
  }

  private void nextBlock() throws IOException {
    int size;
    try {
      size = readLe32();
    } catch (EOFException e) {
      done = true;
      return;
    }
    if (size == MAGIC) {
      return;
    }
    if (size <= 0 || size > MAX_BLOCK) {
      done = true;
      return;
    }
    byte[] compressed = new byte[size];
    try {
      in.readFully(compressed);
    } catch (EOFException e) {
      // the appended size word happened to look like a block size
      done = true;
      return;
    }
    block = new BlockLZ4CompressorInputStream(new ByteArrayInputStream(compressed));
  }

  private int readLe32() throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    int b2 = in.readUnsignedByte();
    int b3 = in.readUnsignedByte();
    return b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
