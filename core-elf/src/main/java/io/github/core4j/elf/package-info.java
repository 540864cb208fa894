/**
 * ELF64 files of either byte order (BPF objects, kernel modules, vmlinux): {@link
 * io.github.core4j.elf.ElfFile} validates the header and section table when opened and reads
 * section contents, symbols ({@link io.github.core4j.elf.ElfSymbolTable}) and relocations ({@link
 * io.github.core4j.elf.ElfRelocation}) on demand from a mapped buffer. Malformed input is reported
 * as {@link io.github.core4j.elf.ElfFormatException}.
 */
package io.github.core4j.elf;
