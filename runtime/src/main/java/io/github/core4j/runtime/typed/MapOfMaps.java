package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import java.nio.ByteOrder;

/**
 * An {@code array_of_maps} or {@code hash_of_maps} map: each key holds an inner map, which must be
 * compatible with the declared inner map template.
 *
 * @param <K> the key type
 */
public final class MapOfMaps<K> {
  private final BpfMap map;
  private final Codec<K> keys;
  private final Codec<Integer> fds = Codec.int32(ByteOrder.nativeOrder());

  /** A view of {@code map}. */
  public MapOfMaps(BpfMap map, Codec<K> keys) {
    ViewChecks.keySize(map, keys);
    this.map = map;
    this.keys = keys;
  }

  /** Puts {@code inner} at {@code key}. */
  public void set(K key, BpfMap inner) {
    map.update(keys.toBytes(key), fds.toBytes(inner.fd().value()));
  }

  /** Removes the inner map at {@code key}; false when there was none. */
  public boolean delete(K key) {
    return map.delete(keys.toBytes(key));
  }

  /** The untyped map underneath. */
  public BpfMap raw() {
    return map;
  }
}
