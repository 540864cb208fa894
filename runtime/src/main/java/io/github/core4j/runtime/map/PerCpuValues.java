package io.github.core4j.runtime.map;

import java.util.ArrayList;
import java.util.List;

/**
 * The user-space layout of per-CPU values: one slot per possible CPU, each slot the value rounded
 * up to 8 bytes, concatenated in CPU order.
 */
public final class PerCpuValues {
  private PerCpuValues() {}

  /** A slot's size: {@code valueSize} rounded up to 8. */
  public static int slotSize(int valueSize) {
    return (valueSize + 7) & ~7;
  }

  /** Splits a kernel per-CPU buffer into one {@code valueSize}-byte value per CPU. */
  public static List<byte[]> split(byte[] all, int valueSize) {
    int slot = slotSize(valueSize);
    List<byte[]> out = new ArrayList<>(all.length / slot);
    for (int off = 0; off + slot <= all.length; off += slot) {
      byte[] v = new byte[valueSize];
      System.arraycopy(all, off, v, 0, valueSize);
      out.add(v);
    }
    return out;
  }

  /** Joins one value per CPU ({@code cpus} of them) into the kernel's per-CPU buffer. */
  public static byte[] join(List<byte[]> values, int valueSize, int cpus) {
    if (values.size() != cpus) {
      throw new IllegalArgumentException(
          "per-CPU update needs one value per possible CPU: " + cpus + ", got " + values.size());
    }
    int slot = slotSize(valueSize);
    byte[] all = new byte[slot * cpus];
    for (int i = 0; i < cpus; i++) {
      byte[] v = values.get(i);
      if (v.length != valueSize) {
        throw new IllegalArgumentException(
            "per-CPU value " + i + " has " + v.length + " bytes, expected " + valueSize);
      }
      System.arraycopy(v, 0, all, i * slot, valueSize);
    }
    return all;
  }
}
