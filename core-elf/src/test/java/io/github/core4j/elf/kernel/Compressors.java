package io.github.core4j.elf.kernel;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.BlockLZ4CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.X86Options;
import org.tukaani.xz.XZOutputStream;

/** Builds the wrappers kernels ship in, for tests: compressed data, bzImages, .deb packages. */
final class Compressors {
  private Compressors() {}

  static byte[] compress(PayloadCompression c, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    switch (c) {
      case GZIP -> {
        try (OutputStream out = new GZIPOutputStream(bytes)) {
          out.write(data);
        }
      }
      case XZ -> {
        // as the kernel's scripts/xz_wrap.sh: x86 BCJ filter, then LZMA2, CRC32 check
        try (OutputStream out =
            new XZOutputStream(
                bytes,
                new org.tukaani.xz.FilterOptions[] {new X86Options(), new LZMA2Options()},
                org.tukaani.xz.XZ.CHECK_CRC32)) {
          out.write(data);
        }
      }
      case ZSTD -> bytes.write(Zstd.compress(data, 19));
      case BZIP2 -> {
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
          out.write(data);
        }
      }
      case LZMA -> {
        try (OutputStream out = new LZMAOutputStream(bytes, new LZMA2Options(), data.length)) {
          out.write(data);
        }
      }
      case LZ4_LEGACY -> {
        bytes.write(new byte[] {0x02, 0x21, 0x4c, 0x18});
        int block = 8 * 1024 * 1024;
        for (int at = 0; at < data.length; at += block) {
          ByteArrayOutputStream one = new ByteArrayOutputStream();
          try (OutputStream out = new BlockLZ4CompressorOutputStream(one)) {
            out.write(data, at, Math.min(block, data.length - at));
          }
          bytes.write(le32(one.size()));
          one.writeTo(bytes);
        }
      }
    }
    return bytes.toByteArray();
  }

  /** A minimal bzImage: setup header (protocol 2.15), then the payload and its size. */
  static byte[] bzImage(byte[] payload, int decompressedSize) {
    int setupSects = 3;
    int pm = (setupSects + 1) * 512;
    int payloadOffset = 0x100;
    ByteBuffer b =
        ByteBuffer.allocate(pm + payloadOffset + payload.length + 4 + 64)
            .order(ByteOrder.LITTLE_ENDIAN);
    b.put(0x1f1, (byte) setupSects);
    b.put(0x202, "HdrS".getBytes(StandardCharsets.US_ASCII));
    b.putShort(0x206, (short) 0x20f);
    b.putInt(0x248, payloadOffset);
    b.putInt(0x24c, payload.length + 4);
    b.put(pm + payloadOffset, payload);
    b.putInt(pm + payloadOffset + payload.length, decompressedSize);
    return b.array();
  }

  /** A .deb (ar: debian-binary, control.tar.xz, data.tar.xz) holding one file. */
  static byte[] deb(String path, byte[] content) throws IOException {
    ByteArrayOutputStream tarXz = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new XZOutputStream(tarXz, new LZMA2Options()))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
      TarArchiveEntry dir = new TarArchiveEntry("./boot/");
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      byte[] config = "CONFIG_DEBUG_INFO_BTF=y\n".getBytes(StandardCharsets.US_ASCII);
      TarArchiveEntry cfg = new TarArchiveEntry("./boot/config-6.1.0-test");
      cfg.setSize(config.length);
      tar.putArchiveEntry(cfg);
      tar.write(config);
      tar.closeArchiveEntry();
      TarArchiveEntry e = new TarArchiveEntry("./" + path);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    ByteArrayOutputStream deb = new ByteArrayOutputStream();
    try (ArArchiveOutputStream ar = new ArArchiveOutputStream(deb)) {
      add(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
      add(ar, "control.tar.xz", new byte[] {1, 2, 3});
      add(ar, "data.tar.xz", tarXz.toByteArray());
    }
    return deb.toByteArray();
  }

  private static void add(ArArchiveOutputStream ar, String name, byte[] data) throws IOException {
    ar.putArchiveEntry(new ArArchiveEntry(name, data.length));
    ar.write(data);
    ar.closeArchiveEntry();
  }

  private static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
