/**
 * The first {@link io.github.core4j.reloc.matrix.ObjectCheck}: judges a BPF object's programs
 * straight from its ELF file ({@link io.github.core4j.reloc.matrix.elf.ElfObjectCheck}), programs
 * found from function symbols ({@link io.github.core4j.reloc.matrix.elf.ProgramsOf}).
 */
package io.github.core4j.reloc.matrix.elf;
