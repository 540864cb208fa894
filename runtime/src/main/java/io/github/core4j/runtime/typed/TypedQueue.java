package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import java.util.Optional;

/**
 * A {@code queue} (first in, first out) or {@code stack} (last in, first out) map with typed
 * values.
 *
 * @param <V> the value type
 */
public final class TypedQueue<V> {
  private final BpfMap map;
  private final Codec<V> values;

  /** A typed view of {@code map}. */
  public TypedQueue(BpfMap map, Codec<V> values) {
    ViewChecks.valueSize(map, values);
    this.map = map;
    this.values = values;
  }

  /** Adds {@code value}. */
  public void push(V value) {
    map.push(values.toBytes(value));
  }

  /** Removes and returns the next value, or empty when there is none. */
  public Optional<V> pop() {
    return map.pop().map(values::fromBytes);
  }

  /** The next value without removing it, or empty. */
  public Optional<V> peek() {
    return map.peek().map(values::fromBytes);
  }

  /** The untyped map underneath. */
  public BpfMap raw() {
    return map;
  }
}
