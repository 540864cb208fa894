package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramRelocation;
import io.github.core4j.runtime.prog.FuncInfo;
import io.github.core4j.runtime.prog.LineInfo;
import java.util.List;
import java.util.Map;

/**
 * An entry program with the {@code .text} functions it uses appended, calls and callback addresses
 * pointing at them, ready for the immediate fix-ups: instructions in host order, func and line info
 * at their final instruction offsets, and every ELF relocation and poisoned CO-RE instruction by
 * final instruction index.
 *
 * @param program the entry program
 * @param insns the instructions (8 bytes each, host order)
 * @param funcInfo func info records, in instruction order
 * @param lineInfo line info records, in instruction order
 * @param relocations the ELF relocations of the program and its subprograms, by final index
 * @param poisons the poisoned CO-RE instructions, by final index
 * @param sources which program (entry or subprogram) each final instruction came from, as {@link
 *     Placed} ranges
 */
@SuppressWarnings("ArrayRecordComponent") // instructions patched in place until loaded
record LinkedProgram(
    Program program,
    byte[] insns,
    List<FuncInfo> funcInfo,
    List<LineInfo> lineInfo,
    Map<Integer, ProgramRelocation> relocations,
    Map<Integer, CoreRelocationStep.Poison> poisons,
    List<Placed> sources) {

  /** A program's code placed at instruction {@code start} of the linked program. */
  record Placed(Program program, int start) {}

  /** The placed program that instruction {@code index} came from. */
  Placed sourceOf(int index) {
    Placed best = sources.get(0);
    for (Placed p : sources) {
      if (p.start() <= index && p.start() >= best.start()) {
        best = p;
      }
    }
    return best;
  }
}
