package io.github.core4j.runtime.map;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.sys.Libc;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The values of an mmapable array map ({@link MapFlag#MMAPABLE}) mapped into this process: what
 * libbpf does for {@code .data}/{@code .bss}/{@code .rodata}, so globals are read and written with
 * plain memory accesses. Value {@code i} starts at {@code i * roundUp(valueSize, 8)}. Unmapped by
 * {@link #close()}; the segment must not be used afterwards.
 */
public final class MapMemory implements AutoCloseable {
  private final MemorySegment segment;
  private final AtomicBoolean mapped = new AtomicBoolean(true);

  private MapMemory(MemorySegment segment) {
    this.segment = segment;
  }

  static MapMemory map(BpfMap map, boolean writable) {
    if (map.type() != MapType.ARRAY || (map.flags() & MapFlag.MMAPABLE.bit()) == 0) {
      throw new IllegalStateException(
          map.describe() + " cannot be mmapped: only array maps created with BPF_F_MMAPABLE can");
    }
    long size = (long) PerCpuValues.slotSize(map.valueSize()) * map.maxEntries();
    long page = Libc.pageSize();
    long length = Math.max(page, (size + page - 1) / page * page);
    int prot = Libc.PROT_READ | (writable ? Libc.PROT_WRITE : 0);
    MemorySegment m = Libc.mmapShared(map.fd().value(), length, prot, 0, map.describe());
    MemorySegment values = m.asSlice(0, size);
    // a write through a read-only mapping would crash the JVM: refuse it in Java instead
    return new MapMemory(writable ? values : values.asReadOnly());
  }

  /** The values, {@code roundUp(valueSize, 8) * maxEntries} bytes. */
  public MemorySegment segment() {
    return segment;
  }

  @Override
  @SuppressWarnings("restricted") // the runtime is the native-access boundary
  public void close() {
    if (mapped.compareAndSet(true, false)) {
      long page = Libc.pageSize();
      long length = Math.max(page, (segment.byteSize() + page - 1) / page * page);
      Libc.munmap(MemorySegment.ofAddress(segment.address()).reinterpret(length));
    }
  }
}
