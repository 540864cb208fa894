package io.github.core4j.runtime.map;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A key and its value, as bytes. Equality is by content.
 *
 * @param key the key bytes
 * @param value the value bytes (all CPUs' slots, concatenated, for per-CPU maps)
 */
@SuppressWarnings("ArrayRecordComponent") // bytes as the kernel exchanges them
public record MapEntry(byte[] key, byte[] value) {
  @Override
  public boolean equals(Object o) {
    return o instanceof MapEntry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return hex.formatHex(key) + " => " + hex.formatHex(value);
  }
}
