package io.github.core4j.runtime.map;

/** The {@code map_flags} of {@code BPF_MAP_CREATE} ({@code BPF_F_*}), with their bits. */
public enum MapFlag {
  /** Allocate hash elements on demand instead of up front. */
  NO_PREALLOC(1 << 0),
  /** LRU maps: one LRU list per CPU instead of a common one. */
  NO_COMMON_LRU(1 << 1),
  /** Allocate on the NUMA node given in {@code numa_node}. */
  NUMA_NODE(1 << 2),
  /** User space may only read (via syscalls). */
  RDONLY(1 << 3),
  /** User space may only write (via syscalls). */
  WRONLY(1 << 4),
  /** Stack trace maps store build ids and offsets. */
  STACK_BUILD_ID(1 << 5),
  /** Hash maps: zero the hash seed (testing only). */
  ZERO_SEED(1 << 6),
  /** Programs may only read: the verifier treats the map as constant ({@code .rodata}). */
  RDONLY_PROG(1 << 7),
  /** Programs may only write. */
  WRONLY_PROG(1 << 8),
  /** Storage maps: clone elements when a socket is cloned. */
  CLONE(1 << 9),
  /** Array maps: user space can mmap the values ({@code .data}, {@code .bss}). */
  MMAPABLE(1 << 10),
  /** perf event arrays: keep elements when the creator's fd closes. */
  PRESERVE_ELEMS(1 << 11),
  /** Inner maps of map-in-maps may differ in max_entries. */
  INNER_MAP(1 << 12),
  /** The map is only used through a link (struct_ops). */
  LINK(1 << 13),
  /** {@code BPF_OBJ_*}: the path is relative to {@code path_fd}. */
  PATH_FD(1 << 14),
  /** struct_ops: the value type's BTF object fd is given. */
  VTYPE_BTF_OBJ_FD(1 << 15),
  /** A BPF token fd is given. */
  TOKEN_FD(1 << 16),
  /** Arena maps: fault instead of reading zero pages. */
  SEGV_ON_FAULT(1 << 17);

  private final int bit;

  MapFlag(int bit) {
    this.bit = bit;
  }

  /** The flag's bit. */
  public int bit() {
    return bit;
  }

  /** The bits of {@code flags} or-ed together. */
  public static int mask(MapFlag... flags) {
    int m = 0;
    for (MapFlag f : flags) {
      m |= f.bit;
    }
    return m;
  }
}
