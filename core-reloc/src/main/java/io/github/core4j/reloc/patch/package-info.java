/**
 * Applying a relocation result to an instruction, as libbpf's {@code bpf_core_patch_insn} does:
 * {@link io.github.core4j.reloc.patch.InsnPatcher} patches raw 8-byte instructions in either byte
 * order, reading and writing them as core-elf's {@link io.github.core4j.elf.bpf.BpfInsn}; {@link
 * io.github.core4j.reloc.patch.BpfInsn} offers the same encoding as in-place field access on an
 * instruction array.
 */
package io.github.core4j.reloc.patch;
