package io.github.core4j.elf.object;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A map the object defines, as libbpf knows it right after {@code bpf_object__open}: a BTF-defined
 * map of {@code .maps}, an internal map for a global data section or {@code .kconfig}, or a {@code
 * struct_ops} map.
 *
 * <p>Sizes are what the object declares. libbpf changes some at load, not at open: {@code
 * perf_event_array} maps without {@code max_entries} get the number of CPUs, and a ring buffer
 * whose {@code max_entries} is not a power-of-two multiple of the page size is rounded up (at open,
 * on the host's page size; the objects clang writes for libbpf already use such sizes).
 *
 * @param name libbpf's name: the variable name, or for internal maps the truncated object name plus
 *     the section ({@code "xdp_filt.rodata"}, see {@link InternalMapNames})
 * @param kind where the map comes from
 * @param type the map type
 * @param keySize key size in bytes (0 when neither {@code key} nor {@code key_size} is given)
 * @param valueSize value size in bytes (4 for map-in-map and {@code prog_array} with {@code
 *     values})
 * @param maxEntries {@code max_entries} as declared (0 when absent)
 * @param flags {@code map_flags}; for internal maps libbpf's {@code BPF_F_RDONLY_PROG} (0x80) and
 *     {@code BPF_F_MMAPABLE} (0x400), for {@code .struct_ops.link} maps {@code BPF_F_LINK}
 * @param numaNode {@code numa_node}
 * @param mapExtra {@code map_extra} (bloom filter hash count, arena address)
 * @param pinning {@code pinning}
 * @param keyTypeId BTF type id of the key ({@code __type(key, T)}: the id of {@code T}), 0 for none
 * @param valueTypeId BTF type id of the value; for internal maps the section's {@code DATASEC}; for
 *     {@code struct_ops} maps the struct; 0 for none
 * @param sectionName the ELF section ({@code ".maps"}, {@code ".rodata"}, {@code ".struct_ops"});
 *     {@code ".kconfig"} for the kconfig map, which has no section
 * @param sectionIndex the ELF section index (for the kconfig map, the symbol table's, as libbpf)
 * @param sectionOffset the variable's offset in its section (0 for internal maps)
 * @param autocreate false for maps of a {@code ?}-prefixed {@code struct_ops} section
 * @param innerMap the inner map template of a map-in-map ({@code __array(values, struct {...})}),
 *     named {@code "<name>.inner"}
 * @param initialSlots statically initialised slots of a map-in-map or {@code prog_array}
 * @param structOps the value of a {@code struct_ops} map
 */
public record MapDefinition(
    String name,
    MapKind kind,
    MapType type,
    int keySize,
    int valueSize,
    int maxEntries,
    int flags,
    int numaNode,
    long mapExtra,
    MapPinning pinning,
    int keyTypeId,
    int valueTypeId,
    String sectionName,
    int sectionIndex,
    long sectionOffset,
    boolean autocreate,
    @Nullable MapDefinition innerMap,
    List<MapSlot> initialSlots,
    @Nullable StructOps structOps) {

  /** {@code BPF_F_NO_PREALLOC}. */
  public static final int F_NO_PREALLOC = 0x1;

  /** {@code BPF_F_NUMA_NODE}. */
  public static final int F_NUMA_NODE = 0x4;

  /** {@code BPF_F_RDONLY_PROG}: programs may not write the map. */
  public static final int F_RDONLY_PROG = 0x80;

  /** {@code BPF_F_MMAPABLE}: user space may mmap the map's values. */
  public static final int F_MMAPABLE = 0x400;

  /** {@code BPF_F_LINK}: a {@code struct_ops} map attached through a link. */
  public static final int F_LINK = 0x2000;

  /** The default pin root of libbpf ({@code BPF_FS_DEFAULT_PATH}). */
  public static final String DEFAULT_PIN_ROOT = "/sys/fs/bpf";

  /** Copies the slot list so the record stays immutable. */
  public MapDefinition {
    initialSlots = List.copyOf(initialSlots);
  }

  /** Whether libbpf calls this an internal map (global data or kconfig). */
  public boolean isInternal() {
    return kind.isInternal();
  }

  /**
   * Where libbpf pins the map at open time with the default pin root ({@code /sys/fs/bpf/<name>}),
   * for maps pinned by name; empty otherwise.
   */
  public Optional<String> pinPath() {
    return pinPath(DEFAULT_PIN_ROOT);
  }

  /** Where libbpf pins the map under pin root {@code root}, for maps pinned by name. */
  public Optional<String> pinPath(String root) {
    if (pinning != MapPinning.BY_NAME) {
      return Optional.empty();
    }
    return Optional.of(root.endsWith("/") ? root + name : root + "/" + name);
  }
}
