package io.github.core4j.runtime.map;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.btf.LoadedBtf;
import java.util.function.Consumer;
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
    return with(b -> b.name = name);
  }

  /** This spec with {@code flags} (replacing the flags it had). */
  public MapSpec withFlags(int flags) {
    return with(b -> b.flags = flags);
  }

  /** This spec with {@code inner} as the template for a map-in-map's values. */
  public MapSpec withInnerMap(BpfMap inner) {
    return with(b -> b.innerMap = inner);
  }

  /** This spec with key and value described by types {@code keyTypeId}/{@code valueTypeId}. */
  public MapSpec withBtf(LoadedBtf btf, int keyTypeId, int valueTypeId) {
    return with(
        b -> {
          b.btf = btf;
          b.btfKeyTypeId = keyTypeId;
          b.btfValueTypeId = valueTypeId;
        });
  }

  /** This spec with {@code map_extra}. */
  public MapSpec withMapExtra(long extra) {
    return with(b -> b.mapExtra = extra);
  }

  /** This spec on NUMA node {@code node} (sets {@link MapFlag#NUMA_NODE}). */
  public MapSpec withNumaNode(int node) {
    return with(
        b -> {
          b.flags |= MapFlag.NUMA_NODE.bit();
          b.numaNode = node;
        });
  }

  /** A copy of this spec with the components {@code change} sets replaced. */
  private MapSpec with(Consumer<Copy> change) {
    Copy b = new Copy(this);
    change.accept(b);
    return new MapSpec(
        type,
        keySize,
        valueSize,
        maxEntries,
        b.flags,
        b.name,
        b.innerMap,
        b.btf,
        b.btfKeyTypeId,
        b.btfValueTypeId,
        b.mapExtra,
        b.numaNode);
  }

  /** The components a wither may change, so that each wither names only what it changes. */
  private static final class Copy {
    int flags;
    String name;
    @Nullable BpfMap innerMap;
    @Nullable LoadedBtf btf;
    int btfKeyTypeId;
    int btfValueTypeId;
    long mapExtra;
    int numaNode;

    Copy(MapSpec s) {
      flags = s.flags;
      name = s.name;
      innerMap = s.innerMap;
      btf = s.btf;
      btfKeyTypeId = s.btfKeyTypeId;
      btfValueTypeId = s.btfValueTypeId;
      mapExtra = s.mapExtra;
      numaNode = s.numaNode;
    }
  }

  /** "map 'counts' (hash)", for error messages. */
  public String describe() {
    return (name.isEmpty() ? "map" : "map '" + name + "'") + " (" + type.libbpfName() + ")";
  }
}
