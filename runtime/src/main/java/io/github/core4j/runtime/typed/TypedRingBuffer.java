package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.events.RingBuffer;
import io.github.core4j.runtime.map.BpfMap;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@code ringbuf} map whose records decode to {@code T}: each record is copied into a Java value
 * before the consumer sees it, so values may outlive the call.
 *
 * @param <T> the record type ({@code byte[]} when the object does not say)
 */
public final class TypedRingBuffer<T> implements AutoCloseable {
  private final RingBuffer ring;
  private final Codec<T> records;

  /** Maps {@code map} for consuming records of {@code records}' type. */
  public TypedRingBuffer(BpfMap map, Codec<T> records) {
    this.ring = RingBuffer.open(map);
    this.records = records;
  }

  /**
   * Waits up to {@code timeout} for records, then hands every available one to {@code consumer}.
   *
   * @return the number of records handled
   */
  public int poll(Duration timeout, Consumer<T> consumer) {
    return ring.poll(timeout, r -> consumer.accept(decode(r)));
  }

  /** Hands every available record to {@code consumer} without waiting. */
  public int consume(Consumer<T> consumer) {
    return ring.consume(r -> consumer.accept(decode(r)));
  }

  private T decode(java.lang.foreign.MemorySegment record) {
    if (record.byteSize() < records.size()) {
      throw new IllegalStateException(
          "a "
              + record.byteSize()
              + "-byte record is shorter than its type ("
              + records.size()
              + " bytes)");
    }
    return records.decode(record);
  }

  /** The ring buffer underneath. */
  public RingBuffer raw() {
    return ring;
  }

  /** Unmaps the ring (the map itself belongs to the loaded object). */
  @Override
  public void close() {
    ring.close();
  }
}
