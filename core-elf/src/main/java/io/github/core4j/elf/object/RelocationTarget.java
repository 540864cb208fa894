package io.github.core4j.elf.object;

/**
 * What an ELF relocation of a program refers to, resolved as libbpf's {@code
 * bpf_program__record_reloc} resolves it: a BTF-defined map, a global variable in an internal map,
 * a subprogram (call or callback address), or an extern.
 */
public sealed interface RelocationTarget
    permits MapReference, DataReference, SubprogramReference, ExternReference {}
