package io.github.core4j.elf.object;

import io.github.core4j.elf.ElfRelocation;

/**
 * An ELF relocation of a program's code, resolved.
 *
 * @param insnIndex the instruction it patches, relative to the start of the program
 * @param elf the relocation entry as stored (symbol, type, offset in the section)
 * @param target what it refers to
 */
public record ProgramRelocation(int insnIndex, ElfRelocation elf, RelocationTarget target) {}
