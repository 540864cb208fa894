package io.github.core4j.runtime.typed;

import java.lang.foreign.MemorySegment;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** A codec made of an encoding and a decoding function (scalars and arrays of scalars). */
record ScalarCodec<T>(
    long size, BiConsumer<T, MemorySegment> encoder, Function<MemorySegment, T> decoder)
    implements Codec<T> {
  @Override
  public void encode(T value, MemorySegment to) {
    encoder.accept(value, to);
  }

  @Override
  public T decode(MemorySegment from) {
    return decoder.apply(from);
  }
}
