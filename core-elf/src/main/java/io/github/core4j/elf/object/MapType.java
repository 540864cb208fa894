package io.github.core4j.elf.object;

import java.util.Optional;

/**
 * The kernel's map types ({@code enum bpf_map_type}) with their numbers and libbpf's names. Numbers
 * are the kernel ABI; {@link #since()} feeds error explanations ("ringbuf maps need Linux 5.8").
 */
public enum MapType implements KernelConstant {
  UNSPEC(0, "unspec", "", false),
  HASH(1, "hash", "3.19", false),
  ARRAY(2, "array", "3.19", false),
  PROG_ARRAY(3, "prog_array", "4.2", false),
  PERF_EVENT_ARRAY(4, "perf_event_array", "4.3", false),
  PERCPU_HASH(5, "percpu_hash", "4.6", true),
  PERCPU_ARRAY(6, "percpu_array", "4.6", true),
  STACK_TRACE(7, "stack_trace", "4.6", false),
  CGROUP_ARRAY(8, "cgroup_array", "4.8", false),
  LRU_HASH(9, "lru_hash", "4.10", false),
  LRU_PERCPU_HASH(10, "lru_percpu_hash", "4.10", true),
  LPM_TRIE(11, "lpm_trie", "4.11", false),
  ARRAY_OF_MAPS(12, "array_of_maps", "4.12", false),
  HASH_OF_MAPS(13, "hash_of_maps", "4.12", false),
  DEVMAP(14, "devmap", "4.14", false),
  SOCKMAP(15, "sockmap", "4.14", false),
  CPUMAP(16, "cpumap", "4.15", false),
  XSKMAP(17, "xskmap", "4.18", false),
  SOCKHASH(18, "sockhash", "4.18", false),
  CGROUP_STORAGE(19, "cgroup_storage", "4.19", false),
  REUSEPORT_SOCKARRAY(20, "reuseport_sockarray", "4.19", false),
  PERCPU_CGROUP_STORAGE(21, "percpu_cgroup_storage", "4.20", true),
  QUEUE(22, "queue", "4.20", false),
  STACK(23, "stack", "4.20", false),
  SK_STORAGE(24, "sk_storage", "5.2", false),
  DEVMAP_HASH(25, "devmap_hash", "5.4", false),
  STRUCT_OPS(26, "struct_ops", "5.6", false),
  RINGBUF(27, "ringbuf", "5.8", false),
  INODE_STORAGE(28, "inode_storage", "5.10", false),
  TASK_STORAGE(29, "task_storage", "5.11", false),
  BLOOM_FILTER(30, "bloom_filter", "5.16", false),
  USER_RINGBUF(31, "user_ringbuf", "6.1", false),
  CGRP_STORAGE(32, "cgrp_storage", "6.2", false),
  ARENA(33, "arena", "6.9", false),
  INSN_ARRAY(34, "insn_array", "", false),
  RHASH(35, "rhash", "", false);

  private final int value;
  private final String libbpfName;
  private final String since;
  private final boolean perCpu;

  MapType(int value, String libbpfName, String since, boolean perCpu) {
    this.value = value;
    this.libbpfName = libbpfName;
    this.since = since;
    this.perCpu = perCpu;
  }

  @Override
  public int value() {
    return value;
  }

  /** libbpf's and bpftool's name for it (as {@code libbpf_bpf_map_type_str} returns). */
  @Override
  public String libbpfName() {
    return libbpfName;
  }

  /** The first mainline Linux release with it ({@code "5.8"}), or empty when not recorded. */
  public String since() {
    return since;
  }

  /**
   * Whether user space sees one value slot per possible CPU (each rounded up to 8 bytes) for this
   * type, as for {@code percpu_hash}.
   */
  public boolean isPerCpu() {
    return perCpu;
  }

  /** The constant with kernel value {@code value}. */
  public static Optional<MapType> ofValue(int value) {
    return KernelConstant.byValue(MapType.class, value);
  }

  /** The constant libbpf calls {@code name} (for example {@code "ringbuf"}). */
  public static Optional<MapType> ofLibbpfName(String name) {
    return KernelConstant.byLibbpfName(MapType.class, name);
  }

  @Override
  public String toString() {
    return libbpfName;
  }
}
