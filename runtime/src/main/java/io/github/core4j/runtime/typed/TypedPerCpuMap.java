package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.UpdateFlag;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A per-CPU hash map ({@code percpu_hash}, {@code lru_percpu_hash}): each key holds one value per
 * possible CPU, exchanged as a list indexed by CPU number.
 *
 * @param <K> the key type
 * @param <V> the value type of one CPU
 */
public final class TypedPerCpuMap<K, V> {
  private final BpfMap map;
  private final Codec<K> keys;
  private final Codec<V> values;

  /** A typed view of {@code map}. */
  public TypedPerCpuMap(BpfMap map, Codec<K> keys, Codec<V> values) {
    ViewChecks.keySize(map, keys);
    ViewChecks.valueSize(map, values);
    this.map = map;
    this.keys = keys;
    this.values = values;
  }

  /** The values of {@code key}, one per possible CPU, or empty when absent. */
  public Optional<List<V>> lookup(K key) {
    return map.lookupPerCpu(keys.toBytes(key)).map(this::decodeAll);
  }

  /** Sets {@code key} to {@code perCpu.get(cpu)} on each possible CPU. */
  public void update(K key, List<V> perCpu) {
    map.updatePerCpu(
        keys.toBytes(key), perCpu.stream().map(values::toBytes).toList(), UpdateFlag.ANY);
  }

  /** Deletes {@code key}; false when it was absent. */
  public boolean delete(K key) {
    return map.delete(keys.toBytes(key));
  }

  /** The keys (a lazy walk). */
  public Stream<K> keys() {
    return map.keys().map(keys::fromBytes);
  }

  /** The entries with their per-CPU values (a lazy walk). */
  public Stream<Map.Entry<K, List<V>>> stream() {
    return map.keys()
        .flatMap(
            k ->
                map.lookupPerCpu(k).stream()
                    .map(v -> new SimpleImmutableEntry<>(keys.fromBytes(k), decodeAll(v))));
  }

  /** The untyped map underneath. */
  public BpfMap raw() {
    return map;
  }

  private List<V> decodeAll(List<byte[]> perCpu) {
    return perCpu.stream().map(values::fromBytes).toList();
  }
}
