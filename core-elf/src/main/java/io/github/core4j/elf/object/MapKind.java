package io.github.core4j.elf.object;

/**
 * Where a map of an object comes from: a BTF-defined map in {@code .maps}, one of libbpf's internal
 * maps for global data ({@code libbpf_map_type}), or a {@code struct_ops} variable.
 */
public enum MapKind {
  /** A variable of {@code SEC(".maps")}. */
  BTF_DEFINED,
  /** {@code .data} or {@code .data.*}: initialised, writable global variables. */
  DATA,
  /** {@code .rodata} or {@code .rodata.*}: read-only for programs, settable before load. */
  RODATA,
  /** {@code .bss} or {@code .bss.*}: zero-initialised writable global variables. */
  BSS,
  /** The {@code .kconfig} externs, filled in by the loader. */
  KCONFIG,
  /** A variable of {@code SEC(".struct_ops")} or {@code SEC(".struct_ops.link")}. */
  STRUCT_OPS;

  /** Whether libbpf calls maps of this kind internal ({@code bpf_map__is_internal}). */
  public boolean isInternal() {
    return this == DATA || this == RODATA || this == BSS || this == KCONFIG;
  }
}
