package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.UpdateFlag;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A {@code percpu_array} map: each index holds one value per possible CPU, exchanged as a list
 * indexed by CPU number.
 *
 * @param <V> the value type of one CPU
 */
public final class TypedPerCpuArrayMap<V> {
  private final BpfMap map;
  private final Codec<Integer> index;
  private final Codec<V> values;

  /** A typed view of {@code map}, whose {@code __u32} index is in byte order {@code order}. */
  public TypedPerCpuArrayMap(BpfMap map, Codec<V> values, ByteOrder order) {
    ViewChecks.valueSize(map, values);
    this.map = map;
    this.index = Codec.int32(order);
    this.values = values;
  }

  /** The number of elements ({@code max_entries}). */
  public int size() {
    return map.maxEntries();
  }

  /** The values at {@code i}, one per possible CPU. */
  public List<V> get(int i) {
    return map.lookupPerCpu(index.toBytes(checked(i)))
        .map(l -> l.stream().map(values::fromBytes).toList())
        .orElseThrow(() -> new IllegalStateException(map.describe() + " has no element " + i));
  }

  /** Sets index {@code i} to {@code perCpu.get(cpu)} on each possible CPU. */
  public void set(int i, List<V> perCpu) {
    map.updatePerCpu(
        index.toBytes(checked(i)), perCpu.stream().map(values::toBytes).toList(), UpdateFlag.ANY);
  }

  /** Every index's per-CPU values, in index order. */
  public Stream<List<V>> stream() {
    return IntStream.range(0, size()).mapToObj(this::get);
  }

  /** The untyped map underneath. */
  public BpfMap raw() {
    return map;
  }

  private int checked(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException(
          "index " + i + " is outside " + map.describe() + " (0.." + (size() - 1) + ")");
    }
    return i;
  }
}
