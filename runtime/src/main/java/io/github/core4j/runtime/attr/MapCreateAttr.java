package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr} for {@code BPF_MAP_CREATE}. */
public final class MapCreateAttr extends Attr {
  /** The kernel's layout, through {@code map_token_fd}. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("map_type"),
          u32("key_size"),
          u32("value_size"),
          u32("max_entries"),
          u32("map_flags"),
          u32("inner_map_fd"),
          u32("numa_node"),
          name("map_name"),
          u32("map_ifindex"),
          u32("btf_fd"),
          u32("btf_key_type_id"),
          u32("btf_value_type_id"),
          u32("btf_vmlinux_value_type_id"),
          u64("map_extra"),
          u32("value_type_btf_obj_fd"),
          u32("map_token_fd"));

  private static final long MAP_TYPE = offset(LAYOUT, "map_type");
  private static final long KEY_SIZE = offset(LAYOUT, "key_size");
  private static final long VALUE_SIZE = offset(LAYOUT, "value_size");
  private static final long MAX_ENTRIES = offset(LAYOUT, "max_entries");
  private static final long MAP_FLAGS = offset(LAYOUT, "map_flags");
  private static final long INNER_MAP_FD = offset(LAYOUT, "inner_map_fd");
  private static final long NUMA_NODE = offset(LAYOUT, "numa_node");
  private static final long MAP_NAME = offset(LAYOUT, "map_name");
  private static final long MAP_IFINDEX = offset(LAYOUT, "map_ifindex");
  private static final long BTF_FD = offset(LAYOUT, "btf_fd");
  private static final long BTF_KEY_TYPE_ID = offset(LAYOUT, "btf_key_type_id");
  private static final long BTF_VALUE_TYPE_ID = offset(LAYOUT, "btf_value_type_id");
  private static final long BTF_VMLINUX_VALUE_TYPE_ID = offset(LAYOUT, "btf_vmlinux_value_type_id");
  private static final long MAP_EXTRA = offset(LAYOUT, "map_extra");

  /** A zeroed attr in {@code arena}. */
  public MapCreateAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code map_type}. */
  public MapCreateAttr mapType(int v) {
    putInt(MAP_TYPE, v);
    return this;
  }

  /** {@code key_size}. */
  public MapCreateAttr keySize(int v) {
    putInt(KEY_SIZE, v);
    return this;
  }

  /** {@code value_size}. */
  public MapCreateAttr valueSize(int v) {
    putInt(VALUE_SIZE, v);
    return this;
  }

  /** {@code max_entries}. */
  public MapCreateAttr maxEntries(int v) {
    putInt(MAX_ENTRIES, v);
    return this;
  }

  /** {@code map_flags}. */
  public MapCreateAttr mapFlags(int v) {
    putInt(MAP_FLAGS, v);
    return this;
  }

  /** {@code inner_map_fd}, the template of a map-in-map. */
  public MapCreateAttr innerMapFd(int v) {
    putInt(INNER_MAP_FD, v);
    return this;
  }

  /** {@code numa_node} (with {@code BPF_F_NUMA_NODE}). */
  public MapCreateAttr numaNode(int v) {
    putInt(NUMA_NODE, v);
    return this;
  }

  /** {@code map_name}, cut to 15 bytes. */
  public MapCreateAttr mapName(String v) {
    putName(MAP_NAME, v);
    return this;
  }

  /** {@code map_ifindex} (offloaded maps). */
  public MapCreateAttr mapIfindex(int v) {
    putInt(MAP_IFINDEX, v);
    return this;
  }

  /** {@code btf_fd}. */
  public MapCreateAttr btfFd(int v) {
    putInt(BTF_FD, v);
    return this;
  }

  /** {@code btf_key_type_id}. */
  public MapCreateAttr btfKeyTypeId(int v) {
    putInt(BTF_KEY_TYPE_ID, v);
    return this;
  }

  /** {@code btf_value_type_id}. */
  public MapCreateAttr btfValueTypeId(int v) {
    putInt(BTF_VALUE_TYPE_ID, v);
    return this;
  }

  /** {@code btf_vmlinux_value_type_id} (struct_ops). */
  public MapCreateAttr btfVmlinuxValueTypeId(int v) {
    putInt(BTF_VMLINUX_VALUE_TYPE_ID, v);
    return this;
  }

  /** {@code map_extra} (bloom filter hash count, arena address). */
  public MapCreateAttr mapExtra(long v) {
    putLong(MAP_EXTRA, v);
    return this;
  }
}
