package io.github.core4j.runtime.typed;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Converts between a Java value and its C representation of a fixed size: what a map key, a map
 * value, a ring buffer record or a global variable holds. Generated records expose one as {@code
 * CODEC}; scalars and arrays of scalars come from the factories here.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {
  /** The size of the C representation in bytes. */
  long size();

  /**
   * Writes {@code value} into the first {@link #size()} bytes of {@code to}; padding bytes are left
   * as they are (zero in a fresh buffer, as C initialisers leave them).
   */
  void encode(T value, MemorySegment to);

  /** Reads a value from the first {@link #size()} bytes of {@code from}. */
  T decode(MemorySegment from);

  /** The C bytes of {@code value}, padding zeroed. */
  default byte[] toBytes(T value) {
    byte[] bytes = new byte[Math.toIntExact(size())];
    encode(value, MemorySegment.ofArray(bytes));
    return bytes;
  }

  /** The value held by {@code bytes}, which must be at least {@link #size()} long. */
  default T fromBytes(byte[] bytes) {
    if (bytes.length < size()) {
      throw new IllegalArgumentException(
          "expected at least " + size() + " bytes, got " + bytes.length);
    }
    return decode(MemorySegment.ofArray(bytes));
  }

  /** A native copy of the C bytes of {@code value}, allocated in {@code arena}. */
  default MemorySegment allocate(T value, Arena arena) {
    MemorySegment segment = arena.allocate(size(), 8);
    encode(value, segment);
    return segment;
  }

  /**
   * A codec of {@code size} bytes from an encoding and a decoding function: how generated records
   * expose their encoding and decoding methods.
   */
  static <T> Codec<T> of(
      long size, BiConsumer<T, MemorySegment> encoder, Function<MemorySegment, T> decoder) {
    return new ScalarCodec<>(size, encoder, decoder);
  }

  /**
   * Records of any length as their bytes: the record type of a ring buffer whose object does not
   * say what it carries. Its size is 0 (the minimum); decoding copies every byte it is given.
   */
  static Codec<byte[]> variableBytes() {
    return new ScalarCodec<>(
        0,
        (v, s) -> MemorySegment.copy(v, 0, s, ValueLayout.JAVA_BYTE, 0, v.length),
        s -> s.toArray(ValueLayout.JAVA_BYTE));
  }

  /** C {@code bool} (one byte, any non-zero byte reads as true). */
  static Codec<Boolean> bool() {
    return new ScalarCodec<>(
        1,
        (v, s) -> s.set(ValueLayout.JAVA_BYTE, 0, v ? (byte) 1 : 0),
        s -> s.get(ValueLayout.JAVA_BYTE, 0) != 0);
  }

  /** An 8-bit integer ({@code __u8}, {@code __s8}, {@code char}). */
  static Codec<Byte> int8() {
    return new ScalarCodec<>(
        1, (v, s) -> s.set(ValueLayout.JAVA_BYTE, 0, v), s -> s.get(ValueLayout.JAVA_BYTE, 0));
  }

  /** A 16-bit integer in byte order {@code order}. */
  static Codec<Short> int16(ByteOrder order) {
    ValueLayout.OfShort l = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
    return new ScalarCodec<>(2, (v, s) -> s.set(l, 0, v), s -> s.get(l, 0));
  }

  /** A 32-bit integer in byte order {@code order}. */
  static Codec<Integer> int32(ByteOrder order) {
    ValueLayout.OfInt l = ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
    return new ScalarCodec<>(4, (v, s) -> s.set(l, 0, v), s -> s.get(l, 0));
  }

  /** A 64-bit integer in byte order {@code order}. */
  static Codec<Long> int64(ByteOrder order) {
    ValueLayout.OfLong l = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order);
    return new ScalarCodec<>(8, (v, s) -> s.set(l, 0, v), s -> s.get(l, 0));
  }

  /** A C {@code float} in byte order {@code order}. */
  static Codec<Float> float32(ByteOrder order) {
    ValueLayout.OfFloat l = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order);
    return new ScalarCodec<>(4, (v, s) -> s.set(l, 0, v), s -> s.get(l, 0));
  }

  /** A C {@code double} in byte order {@code order}. */
  static Codec<Double> float64(ByteOrder order) {
    ValueLayout.OfDouble l = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(order);
    return new ScalarCodec<>(8, (v, s) -> s.set(l, 0, v), s -> s.get(l, 0));
  }

  /**
   * {@code size} bytes as they are: C types with no better Java form ({@code __int128}, opaque
   * structs, {@code char[N]}).
   */
  static Codec<byte[]> bytes(int size) {
    return new ScalarCodec<>(
        size,
        (v, s) -> {
          CArrays.requireLength(v.length, size);
          MemorySegment.copy(v, 0, s, ValueLayout.JAVA_BYTE, 0, size);
        },
        s -> s.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE));
  }

  /** A C array of {@code count} 16-bit integers. */
  static Codec<short[]> int16Array(int count, ByteOrder order) {
    return primitiveArray(
        ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order), count, short[]::new, a -> a.length);
  }

  /** A C array of {@code count} 32-bit integers. */
  static Codec<int[]> int32Array(int count, ByteOrder order) {
    return primitiveArray(
        ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), count, int[]::new, a -> a.length);
  }

  /** A C array of {@code count} 64-bit integers. */
  static Codec<long[]> int64Array(int count, ByteOrder order) {
    return primitiveArray(
        ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order), count, long[]::new, a -> a.length);
  }

  /** A C array of {@code count} floats. */
  static Codec<float[]> float32Array(int count, ByteOrder order) {
    return primitiveArray(
        ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order), count, float[]::new, a -> a.length);
  }

  /** A C array of {@code count} doubles. */
  static Codec<double[]> float64Array(int count, ByteOrder order) {
    return primitiveArray(
        ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(order), count, double[]::new, a -> a.length);
  }

  /**
   * A C array of {@code count} scalars of {@code layout}, as the Java primitive array {@code
   * newArray} makes (one bulk copy each way; a value of another length is refused).
   */
  private static <A> Codec<A> primitiveArray(
      ValueLayout layout, int count, IntFunction<A> newArray, ToIntFunction<A> length) {
    return new ScalarCodec<>(
        layout.byteSize() * count,
        (v, s) -> {
          CArrays.requireLength(length.applyAsInt(v), count);
          MemorySegment.copy(v, 0, s, layout, 0, count);
        },
        s -> {
          A a = newArray.apply(count);
          MemorySegment.copy(s, layout, 0, a, 0, count);
          return a;
        });
  }

  /** A C array of {@code count} elements of {@code element} (structs, arrays of arrays). */
  static <E> Codec<List<E>> list(Codec<E> element, int count) {
    return new ListCodec<>(element, count);
  }
}
