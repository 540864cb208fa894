package io.github.core4j.elf.object;

import io.github.core4j.btf.ext.CoreRelo;

/**
 * A CO-RE relocation record of {@code .BTF.ext} that falls in a program.
 *
 * @param index the record's position among its section's CO-RE records: libbpf's {@code relo #N}
 * @param insnIndex the instruction it applies to, relative to the start of the program
 * @param sectionInsnIndex the instruction it applies to, relative to the start of the section
 * @param relo the record as stored (its {@code insnOff} is relative to the section)
 */
public record ProgramCoreRelo(int index, int insnIndex, int sectionInsnIndex, CoreRelo relo) {}
