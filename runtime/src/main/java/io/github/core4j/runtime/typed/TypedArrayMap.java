package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import java.nio.ByteOrder;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An {@code array} map with typed values: indexes {@code 0 .. size()-1} always hold a value (zeroed
 * until written), so {@link #get} never comes back empty.
 *
 * @param <V> the value type
 */
public final class TypedArrayMap<V> {
  private final BpfMap map;
  private final Codec<Integer> index;
  private final Codec<V> values;

  /** A typed view of {@code map}, whose {@code __u32} index is in byte order {@code order}. */
  public TypedArrayMap(BpfMap map, Codec<V> values, ByteOrder order) {
    ViewChecks.valueSize(map, values);
    this.map = map;
    this.index = Codec.int32(order);
    this.values = values;
  }

  /** The number of elements ({@code max_entries}). */
  public int size() {
    return map.maxEntries();
  }

  /** The value at {@code i}. */
  public V get(int i) {
    return map.lookup(index.toBytes(checked(i)))
        .map(values::fromBytes)
        .orElseThrow(() -> new IllegalStateException(map.describe() + " has no element " + i));
  }

  /** Sets the value at {@code i}. */
  public void set(int i, V value) {
    map.update(index.toBytes(checked(i)), values.toBytes(value));
  }

  /** Every value, in index order. */
  public Stream<V> stream() {
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
