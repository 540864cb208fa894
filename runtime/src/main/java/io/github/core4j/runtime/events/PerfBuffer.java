package io.github.core4j.runtime.events;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.perf.PerfEvent;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Libc;
import io.github.core4j.runtime.sys.PossibleCpus;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads a {@code BPF_MAP_TYPE_PERF_EVENT_ARRAY} the way libbpf's {@code perf_buffer} does: one
 * BPF-output perf event per possible CPU, stored in the map at the CPU's index, each with a
 * memory-mapped ring ({@code struct perf_event_mmap_page} then the data pages). Records are {@code
 * PERF_RECORD_SAMPLE} (raw data) and {@code PERF_RECORD_LOST}; a record may wrap around the end of
 * the data area and is then copied out whole.
 */
public final class PerfBuffer implements AutoCloseable {
  private static final long DATA_HEAD = 1024;
  private static final long DATA_TAIL = 1032;
  private static final int RECORD_LOST = 2;
  private static final int RECORD_SAMPLE = 9;
  private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

  private final List<CpuRing> rings;
  private final Epoll epoll;
  private boolean closed;

  private record CpuRing(int cpu, Fd event, MemorySegment mapping, MemorySegment data) {}

  private PerfBuffer(List<CpuRing> rings, Epoll epoll) {
    this.rings = rings;
    this.epoll = epoll;
  }

  /**
   * Opens one ring of {@code pagesPerCpu} data pages (a power of 2) per possible CPU and stores its
   * event in {@code map} (a perf_event_array, which the caller keeps open).
   */
  public static PerfBuffer open(BpfMap map, int pagesPerCpu) {
    if (map.type() != MapType.PERF_EVENT_ARRAY) {
      throw new IllegalArgumentException(map.describe() + " is not a perf_event_array map");
    }
    if (pagesPerCpu <= 0 || Integer.bitCount(pagesPerCpu) != 1) {
      throw new IllegalArgumentException("pages per CPU must be a power of 2: " + pagesPerCpu);
    }
    long page = Libc.pageSize();
    BitSet cpus = PossibleCpus.mask();
    List<CpuRing> rings = new ArrayList<>();
    Epoll epoll = new Epoll(cpus.cardinality());
    try {
      for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1)) {
        if (cpu >= map.maxEntries()) {
          break;
        }
        Fd event = PerfEvent.bpfOutput(cpu);
        MemorySegment mapping;
        try {
          mapping =
              Libc.mmapShared(
                  event.value(),
                  page * (1 + pagesPerCpu),
                  Libc.PROT_READ | Libc.PROT_WRITE,
                  0,
                  "perf ring of CPU " + cpu);
        } catch (RuntimeException e) {
          event.close();
          throw e;
        }
        CpuRing ring = new CpuRing(cpu, event, mapping, mapping.asSlice(page, page * pagesPerCpu));
        rings.add(ring);
        PerfEvent.ioctl(event, PerfEvent.IOC_ENABLE, 0, "ENABLE");
        byte[] key = intBytes(cpu);
        map.update(key, intBytes(event.value()));
        epoll.add(event, rings.size() - 1);
      }
    } catch (RuntimeException e) {
      release(rings);
      epoll.close();
      throw e;
    }
    return new PerfBuffer(rings, epoll);
  }

  /** Reads every available record of every CPU without waiting; returns the samples handled. */
  public int consume(PerfRecordHandler handler) {
    int n = 0;
    for (CpuRing ring : rings) {
      n += consume(ring, handler);
    }
    return n;
  }

  /**
   * Waits up to {@code timeout} (negative: forever) for data, then reads; returns samples handled.
   */
  public int poll(Duration timeout, PerfRecordHandler handler) {
    int n = consume(handler);
    if (n > 0) {
      return n;
    }
    int ready = epoll.await(timeout);
    for (int i = 0; i < ready; i++) {
      n += consume(rings.get((int) epoll.tag(i)), handler);
    }
    return n;
  }

  private static int consume(CpuRing ring, PerfRecordHandler handler) {
    MemorySegment meta = ring.mapping();
    MemorySegment data = ring.data();
    long size = data.byteSize();
    long head = (long) LONG.getAcquire(meta, DATA_HEAD);
    long tail = meta.get(ValueLayout.JAVA_LONG, DATA_TAIL);
    int samples = 0;
    try (Arena arena = Arena.ofConfined()) {
      while (tail < head) {
        long offset = tail % size;
        int type = data.get(ValueLayout.JAVA_INT, offset);
        int recordSize = Short.toUnsignedInt(data.get(ValueLayout.JAVA_SHORT, offset + 6));
        MemorySegment record;
        if (offset + recordSize <= size) {
          record = data.asSlice(offset, recordSize);
        } else { // wraps: copy both parts into one buffer
          record = arena.allocate(recordSize, 8);
          long first = size - offset;
          MemorySegment.copy(data, offset, record, 0, first);
          MemorySegment.copy(data, 0, record, first, recordSize - first);
        }
        if (type == RECORD_SAMPLE) {
          int rawSize = record.get(ValueLayout.JAVA_INT_UNALIGNED, 8);
          handler.onSample(ring.cpu(), record.asSlice(12, rawSize));
          samples++;
        } else if (type == RECORD_LOST) {
          handler.onLost(ring.cpu(), record.get(ValueLayout.JAVA_LONG_UNALIGNED, 16));
        }
        tail += recordSize;
      }
    }
    LONG.setRelease(meta, DATA_TAIL, tail);
    return samples;
  }

  private static byte[] intBytes(int v) {
    byte[] b = new byte[4];
    MemorySegment.ofArray(b)
        .set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.nativeOrder()), 0, v);
    return b;
  }

  private static void release(List<CpuRing> rings) {
    for (CpuRing r : rings) {
      Libc.ioctl(r.event().value(), PerfEvent.IOC_DISABLE, 0);
      Libc.munmap(r.mapping());
      r.event().close();
    }
  }

  /** Disables the events, unmaps the rings, closes the fds (not the map). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release(rings);
      epoll.close();
    }
  }
}
