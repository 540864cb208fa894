package io.github.core4j.elf.object;

import java.nio.ByteBuffer;

/** FNV-1a, 64 bit, as {@code oracle/objinfo.c} computes it for instruction and data digests. */
final class Fnv64 {
  private Fnv64() {}

  static long of(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  static long of(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return of(bytes);
  }

  static String hex(long h) {
    return String.format("0x%016x", h);
  }
}
