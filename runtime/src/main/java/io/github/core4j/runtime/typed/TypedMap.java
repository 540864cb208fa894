package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.UpdateFlag;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hash-like map ({@code hash}, {@code lru_hash}, {@code lpm_trie}, ...) with typed keys and
 * values: every call converts through the codecs and goes to the kernel, nothing is cached.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TypedMap<K, V> {
  private final BpfMap map;
  private final Codec<K> keys;
  private final Codec<V> values;

  /** A typed view of {@code map}. */
  public TypedMap(BpfMap map, Codec<K> keys, Codec<V> values) {
    ViewChecks.keySize(map, keys);
    ViewChecks.valueSize(map, values);
    this.map = map;
    this.keys = keys;
    this.values = values;
  }

  /** The value of {@code key}, or empty when absent. */
  public Optional<V> lookup(K key) {
    return map.lookup(keys.toBytes(key)).map(values::fromBytes);
  }

  /** Sets {@code key} to {@code value}, creating or replacing it. */
  public void update(K key, V value) {
    update(key, value, UpdateFlag.ANY);
  }

  /** Sets {@code key} to {@code value} as {@code flag} allows. */
  public void update(K key, V value, UpdateFlag flag) {
    map.update(keys.toBytes(key), values.toBytes(value), flag);
  }

  /** Deletes {@code key}; false when it was absent. */
  public boolean delete(K key) {
    return map.delete(keys.toBytes(key));
  }

  /** The keys (a lazy walk of the kernel map). */
  public Stream<K> keys() {
    return map.keys().map(keys::fromBytes);
  }

  /** The entries (a lazy walk; keys deleted during the walk are skipped). */
  public Stream<Map.Entry<K, V>> stream() {
    return map.entries()
        .map(e -> new SimpleImmutableEntry<>(keys.fromBytes(e.key()), values.fromBytes(e.value())));
  }

  /** The untyped map underneath. */
  public BpfMap raw() {
    return map;
  }
}
