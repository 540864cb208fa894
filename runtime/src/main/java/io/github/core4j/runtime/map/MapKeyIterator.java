package io.github.core4j.runtime.map;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/** Walks a map's keys with {@code BPF_MAP_GET_NEXT_KEY}, one syscall per key. */
final class MapKeyIterator implements Iterator<byte[]> {
  private final BpfMap map;
  private byte @Nullable [] current;
  private byte @Nullable [] pending;
  private boolean fetched;

  MapKeyIterator(BpfMap map) {
    this.map = map;
  }

  @Override
  public boolean hasNext() {
    if (!fetched) {
      pending = map.nextKey(current).orElse(null);
      fetched = true;
    }
    return pending != null;
  }

  @Override
  public byte[] next() {
    byte[] key = hasNext() ? pending : null;
    if (key == null) {
      throw new NoSuchElementException();
    }
    current = key;
    pending = null;
    fetched = false;
    return key;
  }
}
