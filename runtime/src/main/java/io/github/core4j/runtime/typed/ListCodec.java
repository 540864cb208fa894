package io.github.core4j.runtime.typed;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** A C array of non-scalar elements as an immutable Java list. */
record ListCodec<E>(Codec<E> element, int count) implements Codec<List<E>> {
  @Override
  public long size() {
    return element.size() * count;
  }

  @Override
  public void encode(List<E> value, MemorySegment to) {
    CArrays.requireLength(value.size(), count);
    long stride = element.size();
    for (int i = 0; i < count; i++) {
      element.encode(value.get(i), to.asSlice(i * stride, stride));
    }
  }

  @Override
  public List<E> decode(MemorySegment from) {
    long stride = element.size();
    List<E> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(element.decode(from.asSlice(i * stride, stride)));
    }
    return List.copyOf(out);
  }
}
