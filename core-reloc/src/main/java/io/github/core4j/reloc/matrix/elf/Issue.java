package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.reloc.AccessSpec;
import io.github.core4j.reloc.RelocationResult;

/**
 * A relocation that keeps a program from loading, if the program needs it: one that fails (libbpf
 * refuses the object), one whose instruction can't be patched, or one that poisons an instruction
 * (harmful only where the instruction is reachable).
 *
 * @param section the ELF section of the instruction
 * @param insn the instruction, counted from the start of the section
 * @param relo the record's index in its section ({@code relo #N})
 * @param result the relocation's result
 * @param problem what went wrong, as the reason says it
 * @param poison whether the relocation poisoned the instruction (else it failed outright)
 */
record Issue(
    int section, int insn, int relo, RelocationResult result, String problem, boolean poison) {

  /** The reason a cell gives, with the instruction counted from {@code programStart}. */
  String reason(String where, int programStart) {
    String spec =
        result
            .localSpec()
            .map(AccessSpec::describe)
            .orElse("type id " + Integer.toUnsignedString(result.relo().typeId()));
    return "relo #"
        + relo
        + " <"
        + result.kind().shortName()
        + "> "
        + spec
        + ": "
        + problem
        + (poison ? ", and " + where + " insn #" + (insn - programStart) + " is reachable" : "");
  }
}
