/**
 * The BPF object model: what libbpf's {@code bpf_object__open} knows about a compiled {@code
 * .bpf.o}, as immutable data. {@link
 * io.github.core4j.elf.object.BpfObject#open(java.nio.file.Path)} reads an object of either byte
 * order into programs (entry points and {@code .text} subprograms, with their instructions, calls,
 * ELF relocations and {@code .BTF.ext} records), maps (BTF-defined {@code .maps}, libbpf's internal
 * maps for global data and {@code .kconfig}, {@code struct_ops}), global data sections with their
 * variables, {@code .kconfig} and {@code __ksym} externs, the license and the kernel version.
 * Program and map types follow libbpf's {@code section_defs} table and naming rules, so the model
 * agrees with libbpf's view of the same object.
 */
package io.github.core4j.elf.object;
