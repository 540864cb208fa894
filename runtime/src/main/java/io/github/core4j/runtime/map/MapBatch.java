package io.github.core4j.runtime.map;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.attr.MapBatchAttr;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch commands ({@code BPF_MAP_LOOKUP_BATCH}, {@code _LOOKUP_AND_DELETE_BATCH}, {@code
 * _UPDATE_BATCH}, {@code _DELETE_BATCH}; Linux 5.6+): many elements per syscall. Lookups walk the
 * whole map with the kernel's opaque cursor, {@code chunk} elements per call.
 */
public final class MapBatch {
  /** Elements per syscall when the caller does not say. */
  public static final int DEFAULT_CHUNK = 256;

  private final BpfMap map;

  MapBatch(BpfMap map) {
    this.map = map;
  }

  /** Every entry, {@link #DEFAULT_CHUNK} per syscall. */
  public List<MapEntry> lookupAll() {
    return walk(BpfCommand.MAP_LOOKUP_BATCH, DEFAULT_CHUNK);
  }

  /** Every entry, {@code chunk} per syscall. */
  public List<MapEntry> lookupAll(int chunk) {
    return walk(BpfCommand.MAP_LOOKUP_BATCH, chunk);
  }

  /** Every entry, removing each ({@code BPF_MAP_LOOKUP_AND_DELETE_BATCH}). */
  public List<MapEntry> lookupAndDeleteAll(int chunk) {
    return walk(BpfCommand.MAP_LOOKUP_AND_DELETE_BATCH, chunk);
  }

  /** Sets every entry in one syscall; returns how many the kernel processed. */
  public int update(List<MapEntry> entries, UpdateFlag flag) {
    int keySize = map.keySize();
    int valueSize = map.kernelValueSize();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment keys = arena.allocate((long) Math.max(1, entries.size()) * keySize, 8);
      MemorySegment values = arena.allocate((long) Math.max(1, entries.size()) * valueSize, 8);
      for (int i = 0; i < entries.size(); i++) {
        MapEntry e = entries.get(i);
        if (e.key().length != keySize || e.value().length != valueSize) {
          throw new IllegalArgumentException(
              map.describe()
                  + ": entry "
                  + i
                  + " has a "
                  + e.key().length
                  + "-byte key and a "
                  + e.value().length
                  + "-byte value; expected "
                  + keySize
                  + " and "
                  + valueSize);
        }
        MemorySegment.copy(e.key(), 0, keys, ValueLayout.JAVA_BYTE, (long) i * keySize, keySize);
        MemorySegment.copy(
            e.value(), 0, values, ValueLayout.JAVA_BYTE, (long) i * valueSize, valueSize);
      }
      MapBatchAttr attr =
          new MapBatchAttr(arena)
              .mapFd(map.fd().value())
              .keys(keys)
              .values(values)
              .count(entries.size())
              .elemFlags(flag.value());
      Syscall.bpfOrThrow(BpfCommand.MAP_UPDATE_BATCH, attr.segment(), attr.size(), map.describe());
      return attr.count();
    }
  }

  /** Deletes every key in one syscall; returns how many were deleted before any failure. */
  public int delete(List<byte[]> keyList) {
    int keySize = map.keySize();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment keys = arena.allocate((long) Math.max(1, keyList.size()) * keySize, 8);
      for (int i = 0; i < keyList.size(); i++) {
        MemorySegment.copy(
            keyList.get(i), 0, keys, ValueLayout.JAVA_BYTE, (long) i * keySize, keySize);
      }
      MapBatchAttr attr =
          new MapBatchAttr(arena).mapFd(map.fd().value()).keys(keys).count(keyList.size());
      long r = Syscall.bpf(BpfCommand.MAP_DELETE_BATCH, attr.segment(), attr.size());
      if (r < 0 && r != -Errno.ENOENT.value()) {
        throw new BpfException(BpfCommand.MAP_DELETE_BATCH.kernelName(), map.describe(), (int) -r);
      }
      return attr.count();
    }
  }

  private List<MapEntry> walk(BpfCommand cmd, int chunk) {
    if (chunk <= 0) {
      throw new IllegalArgumentException("batch chunk must be positive: " + chunk);
    }
    int keySize = map.keySize();
    int valueSize = map.kernelValueSize();
    List<MapEntry> out = new ArrayList<>();
    try (Arena arena = Arena.ofConfined()) {
      // The cursor is opaque: a bucket number for hash maps, a key for arrays.
      long cursorSize = Math.max(keySize, 8);
      MemorySegment in = arena.allocate(cursorSize, 8);
      MemorySegment out1 = arena.allocate(cursorSize, 8);
      boolean first = true;
      int size = chunk;
      while (true) {
        MemorySegment keys = arena.allocate((long) size * keySize, 8);
        MemorySegment values = arena.allocate((long) size * valueSize, 8);
        MapBatchAttr attr =
            new MapBatchAttr(arena)
                .mapFd(map.fd().value())
                .inBatch(first ? MemorySegment.NULL : in)
                .outBatch(out1)
                .keys(keys)
                .values(values)
                .count(size);
        long r = Syscall.bpf(cmd, attr.segment(), attr.size());
        if (r < 0 && r == -Errno.ENOSPC.value()) {
          size *= 2; // one hash bucket holds more elements than fit: retry the same cursor
          continue;
        }
        if (r < 0 && r != -Errno.ENOENT.value()) {
          throw new BpfException(cmd.kernelName(), map.describe(), (int) -r);
        }
        int n = attr.count();
        for (int i = 0; i < n; i++) {
          out.add(
              new MapEntry(
                  keys.asSlice((long) i * keySize, keySize).toArray(ValueLayout.JAVA_BYTE),
                  values.asSlice((long) i * valueSize, valueSize).toArray(ValueLayout.JAVA_BYTE)));
        }
        if (r < 0) {
          return out; // ENOENT: the walk is complete
        }
        MemorySegment.copy(out1, 0, in, 0, cursorSize);
        first = false;
      }
    }
  }
}
