package io.github.core4j.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little helpers for keys and values in host byte order. */
public final class Bytes {
  private Bytes() {}

  public static byte[] u32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
  }

  public static byte[] u64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(v).array();
  }

  public static int asU32(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt();
  }

  public static long asU64(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getLong();
  }
}
