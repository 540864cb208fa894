package io.github.core4j.runtime.events;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.sys.Libc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * Consumes a {@code BPF_MAP_TYPE_RINGBUF} map (Linux 5.8+) the way libbpf's {@code ring_buffer}
 * does. The map is mapped twice: the consumer page read-write (our position), the producer page and
 * data area read-only, the data area twice in a row so that no record wraps. Records carry an
 * 8-byte header whose length word has a BUSY bit (still being written: stop) and a DISCARD bit
 * (skip). Positions are read with acquire and the consumer position published with release
 * semantics, pairing with the kernel's barriers.
 */
public final class RingBuffer implements AutoCloseable {
  private static final int BUSY_BIT = 1 << 31;
  private static final int DISCARD_BIT = 1 << 30;
  private static final int HEADER_SIZE = 8;
  private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
  private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

  private final BpfMap map;
  private final MemorySegment consumerPage;
  private final MemorySegment producerArea;
  private final MemorySegment data;
  private final long mask;
  private final Epoll epoll;
  private boolean closed;

  private RingBuffer(
      BpfMap map, MemorySegment consumerPage, MemorySegment producerArea, Epoll epoll) {
    long page = Libc.pageSize();
    this.map = map;
    this.consumerPage = consumerPage;
    this.producerArea = producerArea;
    this.data = producerArea.asSlice(page);
    this.mask = map.maxEntries() - 1L;
    this.epoll = epoll;
  }

  /** Maps {@code map} (a ringbuf map, which the caller keeps open) for consuming. */
  public static RingBuffer open(BpfMap map) {
    if (map.type() != MapType.RINGBUF) {
      throw new IllegalArgumentException(map.describe() + " is not a ringbuf map");
    }
    long page = Libc.pageSize();
    int fd = map.fd().value();
    MemorySegment consumer =
        Libc.mmapShared(fd, page, Libc.PROT_READ | Libc.PROT_WRITE, 0, map.describe());
    MemorySegment producer;
    try {
      producer =
          Libc.mmapShared(fd, page + 2L * map.maxEntries(), Libc.PROT_READ, page, map.describe());
    } catch (RuntimeException e) {
      Libc.munmap(consumer);
      throw e;
    }
    Epoll epoll;
    try {
      epoll = new Epoll(1);
      epoll.add(map.fd(), 0);
    } catch (RuntimeException e) {
      Libc.munmap(producer);
      Libc.munmap(consumer);
      throw e;
    }
    return new RingBuffer(map, consumer, producer, epoll);
  }

  /**
   * Hands every available record to {@code handler} without waiting.
   *
   * @return the number of records handled (discarded ones are not counted)
   */
  public int consume(RecordHandler handler) {
    int handled = 0;
    long consumer = (long) LONG.getAcquire(consumerPage, 0L);
    while (true) {
      long producer = (long) LONG.getAcquire(producerArea, 0L);
      if (consumer >= producer) {
        return handled;
      }
      while (consumer < producer) {
        long offset = consumer & mask;
        int header = (int) INT.getAcquire(data, offset);
        if ((header & BUSY_BIT) != 0) {
          return handled; // the producer has reserved but not yet committed this record
        }
        int length = header & ~(BUSY_BIT | DISCARD_BIT);
        long next = consumer + ((length + HEADER_SIZE + 7L) & ~7L);
        if ((header & DISCARD_BIT) == 0) {
          handler.onRecord(data.asSlice(offset + HEADER_SIZE, length));
          handled++;
        }
        consumer = next;
        LONG.setRelease(consumerPage, 0L, consumer);
      }
    }
  }

  /**
   * Waits up to {@code timeout} for records (negative: forever), then consumes what is there.
   *
   * @return the number of records handled
   */
  public int poll(Duration timeout, RecordHandler handler) {
    int handled = consume(handler);
    if (handled > 0) {
      return handled;
    }
    epoll.await(timeout);
    return consume(handler);
  }

  /** Bytes the producer has written that are not yet consumed. */
  public long available() {
    return (long) LONG.getAcquire(producerArea, 0L) - (long) LONG.getAcquire(consumerPage, 0L);
  }

  /** The ring's map. */
  public BpfMap map() {
    return map;
  }

  /** Unmaps the ring and closes the epoll fd (not the map). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      epoll.close();
      Libc.munmap(producerArea);
      Libc.munmap(consumerPage);
    }
  }
}
