package io.github.core4j.runtime.map;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.attr.MapElemAttr;
import io.github.core4j.runtime.obj.BpfFs;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.PossibleCpus;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A map in the kernel, owned through its fd. Element operations come in two forms: over {@link
 * MemorySegment}s (no copies; the caller owns the buffers) and over {@code byte[]} (convenient).
 * Lookups of missing keys return empty/false rather than throwing; every other failure is a {@link
 * BpfException} naming the map.
 *
 * <p>For per-CPU maps ({@link MapType#isPerCpu()}) a value as the kernel exchanges it is one slot
 * per possible CPU, each rounded up to 8 bytes: see {@link #kernelValueSize()} and {@link
 * PerCpuValues}.
 */
public final class BpfMap implements AutoCloseable {
  /** One element-command attr buffer per thread: element operations are the hot path. */
  private static final ThreadLocal<MemorySegment> ELEM_ATTR =
      ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(MapElemAttr.LAYOUT));

  private final Fd fd;
  private final MapType type;
  private final int keySize;
  private final int valueSize;
  private final int maxEntries;
  private final int flags;
  private final String name;
  private final int kernelValueSize;

  private BpfMap(
      Fd fd, MapType type, int keySize, int valueSize, int maxEntries, int flags, String name) {
    this.fd = fd;
    this.type = type;
    this.keySize = keySize;
    this.valueSize = valueSize;
    this.maxEntries = maxEntries;
    this.flags = flags;
    this.name = name;
    this.kernelValueSize =
        type.isPerCpu() ? PerCpuValues.slotSize(valueSize) * PossibleCpus.count() : valueSize;
  }

  /** Creates a map ({@code BPF_MAP_CREATE}). */
  public static BpfMap create(MapSpec spec) {
    Fd fd = MapCreate.create(spec);
    return new BpfMap(
        fd,
        spec.type(),
        spec.keySize(),
        spec.valueSize(),
        spec.maxEntries(),
        spec.flags(),
        spec.name());
  }

  /** Wraps a map fd (taking ownership), learning type and sizes from the kernel. */
  public static BpfMap fromFd(Fd fd) {
    try {
      MapInfo info = MapInfo.of(fd);
      return new BpfMap(
          fd,
          info.type(),
          info.keySize(),
          info.valueSize(),
          info.maxEntries(),
          info.flags(),
          info.name());
    } catch (RuntimeException e) {
      fd.close();
      throw e;
    }
  }

  /** Opens the map pinned at {@code path} on a bpf filesystem. */
  public static BpfMap pinned(Path path) {
    return fromFd(BpfFs.get(path, 0));
  }

  /** The map's fd. */
  public Fd fd() {
    return fd;
  }

  /** The map type. */
  public MapType type() {
    return type;
  }

  /** Key size in bytes. */
  public int keySize() {
    return keySize;
  }

  /** Value size in bytes, per CPU for per-CPU maps. */
  public int valueSize() {
    return valueSize;
  }

  /**
   * The size of a value buffer in lookups and updates: {@link #valueSize()}, or for per-CPU maps
   * {@code roundUp(valueSize, 8) * possibleCpus}.
   */
  public int kernelValueSize() {
    return kernelValueSize;
  }

  /** Capacity. */
  public int maxEntries() {
    return maxEntries;
  }

  /** {@link MapFlag} bits the map was created with. */
  public int flags() {
    return flags;
  }

  /** The map's name (possibly empty). */
  public String name() {
    return name;
  }

  /** What the kernel says about this map now. */
  public MapInfo info() {
    return MapInfo.of(fd);
  }

  // ---- element operations over segments -------------------------------------------------------

  /**
   * Copies the value of {@code key} into {@code value} ({@link #kernelValueSize()} bytes).
   *
   * @return false when the key is absent
   */
  public boolean lookup(MemorySegment key, MemorySegment value) {
    return elem(BpfCommand.MAP_LOOKUP_ELEM, key, value, 0, true);
  }

  /** Sets {@code key} to {@code value} as {@code flag} allows. */
  public void update(MemorySegment key, MemorySegment value, UpdateFlag flag) {
    update(key, value, flag.value());
  }

  /** Sets {@code key} to {@code value} with raw {@code flags} (for {@link UpdateFlag#LOCK}). */
  public void update(MemorySegment key, MemorySegment value, long flags) {
    elem(BpfCommand.MAP_UPDATE_ELEM, key, value, flags, false);
  }

  /**
   * Deletes {@code key}.
   *
   * @return false when the key was absent
   */
  public boolean delete(MemorySegment key) {
    return elem(BpfCommand.MAP_DELETE_ELEM, key, MemorySegment.NULL, 0, true);
  }

  /**
   * Writes the key after {@code key} ({@code NULL} or absent: the first key) into {@code next}.
   *
   * @return false when {@code key} was the last
   */
  public boolean nextKey(MemorySegment key, MemorySegment next) {
    return elem(BpfCommand.MAP_GET_NEXT_KEY, key, next, 0, true);
  }

  /**
   * Copies the value of {@code key} into {@code value} and removes it; for queues and stacks {@code
   * key} is {@code NULL} and this pops.
   *
   * @return false when there was nothing to take
   */
  public boolean lookupAndDelete(MemorySegment key, MemorySegment value) {
    return elem(BpfCommand.MAP_LOOKUP_AND_DELETE_ELEM, key, value, 0, true);
  }

  private boolean elem(
      BpfCommand cmd, MemorySegment key, MemorySegment value, long flags, boolean enoentIsFalse) {
    MapElemAttr attr =
        new MapElemAttr(ELEM_ATTR.get()).mapFd(fd.value()).key(key).value(value).flags(flags);
    long r = Syscall.bpf(cmd, attr.segment(), attr.size());
    if (r >= 0) {
      return true;
    }
    if (enoentIsFalse && r == -Errno.ENOENT.value()) {
      return false;
    }
    throw new BpfException(cmd.kernelName(), describe(), (int) -r);
  }

  // ---- element operations over byte arrays ----------------------------------------------------

  /** The value of {@code key}, or empty when absent. */
  public Optional<byte[]> lookup(byte[] key) {
    checkKey(key);
    MemorySegment value = Scratch.value(kernelValueSize);
    return lookup(Scratch.key(key), value)
        ? Optional.of(value.toArray(ValueLayout.JAVA_BYTE))
        : Optional.empty();
  }

  /** Sets {@code key} to {@code value}, creating or replacing. */
  public void update(byte[] key, byte[] value) {
    update(key, value, UpdateFlag.ANY);
  }

  /** Sets {@code key} to {@code value} as {@code flag} allows. */
  public void update(byte[] key, byte[] value, UpdateFlag flag) {
    checkKey(key);
    checkValue(value);
    update(Scratch.key(key), Scratch.value(value), flag);
  }

  /** Deletes {@code key}; false when it was absent. */
  public boolean delete(byte[] key) {
    checkKey(key);
    return delete(Scratch.key(key));
  }

  /** The key after {@code key} ({@code null}: the first key), or empty after the last. */
  public Optional<byte[]> nextKey(byte @Nullable [] key) {
    MemorySegment k = key == null ? MemorySegment.NULL : Scratch.key(key);
    MemorySegment next = Scratch.value(Math.max(keySize, 1));
    return nextKey(k, next)
        ? Optional.of(next.asSlice(0, keySize).toArray(ValueLayout.JAVA_BYTE))
        : Optional.empty();
  }

  /** Removes {@code key} and returns the value it had, or empty when absent. */
  public Optional<byte[]> lookupAndDelete(byte[] key) {
    checkKey(key);
    MemorySegment value = Scratch.value(kernelValueSize);
    return lookupAndDelete(Scratch.key(key), value)
        ? Optional.of(value.toArray(ValueLayout.JAVA_BYTE))
        : Optional.empty();
  }

  /** Queue/stack: adds {@code value} (an update with a {@code NULL} key). */
  public void push(byte[] value) {
    checkValue(value);
    update(MemorySegment.NULL, Scratch.value(value), UpdateFlag.ANY);
  }

  /** Queue/stack: removes and returns the next value, or empty when empty. */
  public Optional<byte[]> pop() {
    MemorySegment value = Scratch.value(kernelValueSize);
    return lookupAndDelete(MemorySegment.NULL, value)
        ? Optional.of(value.toArray(ValueLayout.JAVA_BYTE))
        : Optional.empty();
  }

  /** Queue/stack: the next value without removing it, or empty. */
  public Optional<byte[]> peek() {
    MemorySegment value = Scratch.value(kernelValueSize);
    return lookup(MemorySegment.NULL, value)
        ? Optional.of(value.toArray(ValueLayout.JAVA_BYTE))
        : Optional.empty();
  }

  // ---- per-CPU ---------------------------------------------------------------------------------

  /** Per-CPU maps: the value of {@code key} on each possible CPU, or empty when absent. */
  public Optional<List<byte[]>> lookupPerCpu(byte[] key) {
    requirePerCpu();
    return lookup(key).map(v -> PerCpuValues.split(v, valueSize));
  }

  /** Per-CPU maps: sets {@code key} to {@code values.get(i)} on CPU {@code i}. */
  public void updatePerCpu(byte[] key, List<byte[]> values, UpdateFlag flag) {
    requirePerCpu();
    update(key, PerCpuValues.join(values, valueSize, PossibleCpus.count()), flag);
  }

  private void requirePerCpu() {
    if (!type.isPerCpu()) {
      throw new IllegalStateException(describe() + " is not a per-CPU map");
    }
  }

  // ---- iteration, batches, freeze, mmap, pin ---------------------------------------------------

  /**
   * The keys, walked with {@code BPF_MAP_GET_NEXT_KEY}. Lazy: a map changed during the walk may
   * yield keys twice or skip some (a hash map restarts from the first key when the current one is
   * deleted), as in every libbpf-based tool.
   */
  public Stream<byte[]> keys() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new MapKeyIterator(this), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** Keys with their values; keys deleted during the walk are skipped. */
  public Stream<MapEntry> entries() {
    return keys().map(k -> lookup(k).map(v -> new MapEntry(k, v))).flatMap(Optional::stream);
  }

  /** Batch operations ({@code BPF_MAP_*_BATCH}, Linux 5.6+). */
  public MapBatch batch() {
    return new MapBatch(this);
  }

  /** Makes the map read-only for user space from now on ({@code BPF_MAP_FREEZE}). */
  public void freeze() {
    try (Arena arena = Arena.ofConfined()) {
      MapElemAttr attr = new MapElemAttr(arena).mapFd(fd.value());
      Syscall.bpfOrThrow(BpfCommand.MAP_FREEZE, attr.segment(), attr.size(), describe());
    }
  }

  /**
   * Maps the values of an array map created with {@link MapFlag#MMAPABLE} into this process (global
   * data sections), readable and writable.
   */
  public MapMemory mmap() {
    return MapMemory.map(this, true);
  }

  /** Maps the values read-only: the only way to map a frozen map ({@code .rodata} after load). */
  public MapMemory mmapReadOnly() {
    return MapMemory.map(this, false);
  }

  /** Pins the map at {@code path} on a bpf filesystem. */
  public void pin(Path path) {
    BpfFs.pin(fd, path);
  }

  /** Closes the fd; the kernel frees the map when nothing else holds it. */
  @Override
  public void close() {
    fd.close();
  }

  /** "map 'counts' (hash)", for messages. */
  public String describe() {
    return (name.isEmpty() ? "map" : "map '" + name + "'") + " (" + type.libbpfName() + ")";
  }

  @Override
  public String toString() {
    return describe() + " " + fd;
  }

  private void checkKey(byte[] key) {
    if (key.length != keySize) {
      throw new IllegalArgumentException(
          describe() + ": key has " + key.length + " bytes, the map's keys have " + keySize);
    }
  }

  private void checkValue(byte[] value) {
    if (value.length != kernelValueSize) {
      throw new IllegalArgumentException(
          describe()
              + ": value has "
              + value.length
              + " bytes, the map's values have "
              + kernelValueSize);
    }
  }
}
