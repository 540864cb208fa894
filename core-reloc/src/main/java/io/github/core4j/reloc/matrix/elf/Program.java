package io.github.core4j.reloc.matrix.elf;

/**
 * A program of a BPF object as the matrix sees it: a C function in an executable section.
 *
 * @param name the function's name
 * @param section the index of its ELF section
 * @param sectionName the section's name ({@code kprobe/do_unlinkat})
 * @param firstInsn its first instruction, counted from the start of the section
 * @param insnCount how many instructions it has
 */
public record Program(String name, int section, String sectionName, int firstInsn, int insnCount) {
  /** Whether instruction {@code insn} of the section belongs to this program. */
  public boolean contains(int insn) {
    return insn >= firstInsn && insn < firstInsn + insnCount;
  }
}
