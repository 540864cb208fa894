/**
 * The first {@link io.github.core4j.reloc.matrix.ObjectCheck}: judges a BPF object's programs
 * ({@link io.github.core4j.reloc.matrix.elf.ElfObjectCheck}), found by core-elf's {@code BpfObject}
 * as libbpf finds them, and relocates the object against one kernel with the outcome of every
 * record ({@link io.github.core4j.reloc.matrix.elf.ObjectRelocation}).
 */
package io.github.core4j.reloc.matrix.elf;
