/**
 * Applying a relocation result to an instruction, as libbpf's {@code bpf_core_patch_insn} does:
 * {@link io.github.core4j.reloc.patch.BpfInsn} reads and writes the fields of raw 8-byte
 * instructions in either byte order, {@link io.github.core4j.reloc.patch.InsnPatcher} patches them.
 */
package io.github.core4j.reloc.patch;
