package io.github.core4j.runtime.map;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.btf.LoadedBtf;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code BPF_MAP_CREATE} needs. Build one with {@link #of} and the {@code with...}
 * methods:
 *
 * <pre>{@code
 * MapSpec.of(MapType.HASH, 4, 8, 1024).withName("counts").withFlags(MapFlag.mask(NO_PREALLOC))
 * }</pre>
 *
 * @param type the map type
 * @param keySize key size in bytes (0 for queue, stack, ringbuf, bloom filter)
 * @param valueSize value size in bytes as one CPU sees it (per-CPU maps hold one per CPU)
 * @param maxEntries the capacity (for ringbuf: the data area's size, a power-of-2 page multiple)
 * @param flags {@link MapFlag} bits
 * @param name the map's name, cut to 15 bytes by the kernel ABI
 * @param innerMap for {@code array_of_maps}/{@code hash_of_maps}: a map of the kind they hold
 * @param btf the BTF that describes key and value, or {@code null}
 * @param btfKeyTypeId the key's type id in {@code btf} (0: none)
 * @param btfValueTypeId the value's type id in {@code btf} (0: none)
 * @param mapExtra type-specific extra ({@code map_extra}: bloom filter hash count...)
 * @param numaNode NUMA node, with {@link MapFlag#NUMA_NODE}
 */
public record MapSpec(
    MapType type,
    int keySize,
    int valueSize,
    int maxEntries,
    int flags,
    String name,
    @Nullable BpfMap innerMap,
    @Nullable LoadedBtf btf,
    int btfKeyTypeId,
    int btfValueTypeId,
    long mapExtra,
    int numaNode) {

  /** Checks the sizes that cannot be negative. */
  public MapSpec {
    if (keySize < 0 || valueSize < 0 || maxEntries < 0) {
      throw new IllegalArgumentException(
          "negative size in map spec: key "
              + keySize
              + ", value "
              + valueSize
              + ", max "
              + maxEntries);
    }
  }

  /** A nameless spec with no flags, BTF or inner map. */
  public static MapSpec of(MapType type, int keySize, int valueSize, int maxEntries) {
    return new MapSpec(type, keySize, valueSize, maxEntries, 0, "", null, null, 0, 0, 0, 0);
  }

  /** This spec named {@code name}. */
  public MapSpec withName(String name) {
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        flags,
        name,
        innerMap,
        btf,
        btfKeyTypeId,
        btfValueTypeId,
        mapExtra,
        numaNode);
  }

  /** This spec with {@code flags} (replacing the flags it had). */
  public MapSpec withFlags(int flags) {
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        flags,
        name,
        innerMap,
        btf,
        btfKeyTypeId,
        btfValueTypeId,
        mapExtra,
        numaNode);
  }

  /** This spec with {@code inner} as the template for a map-in-map's values. */
  public MapSpec withInnerMap(BpfMap inner) {
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        flags,
        name,
        inner,
        btf,
        btfKeyTypeId,
        btfValueTypeId,
        mapExtra,
        numaNode);
  }

  /** This spec with key and value described by types {@code keyTypeId}/{@code valueTypeId}. */
  public MapSpec withBtf(LoadedBtf btf, int keyTypeId, int valueTypeId) {
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        flags,
        name,
        innerMap,
        btf,
        keyTypeId,
        valueTypeId,
        mapExtra,
        numaNode);
  }

  /** This spec with {@code map_extra}. */
  public MapSpec withMapExtra(long extra) {
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        flags,
        name,
        innerMap,
        btf,
        btfKeyTypeId,
        btfValueTypeId,
        extra,
        numaNode);
  }

  /** This spec on NUMA node {@code node} (sets {@link MapFlag#NUMA_NODE}). */
  public MapSpec withNumaNode(int node) {
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        flags | MapFlag.NUMA_NODE.bit(),
        name,
        innerMap,
        btf,
        btfKeyTypeId,
        btfValueTypeId,
        mapExtra,
        node);
  }

  /** "map 'counts' (hash)", for error messages. */
  public String describe() {
    return (name.isEmpty() ? "map" : "map '" + name + "'") + " (" + type.libbpfName() + ")";
  }
}
