package io.github.core4j.elf.object;

import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.SymbolBinding;
import io.github.core4j.elf.SymbolType;
import io.github.core4j.elf.bpf.BpfInsn;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's {@code bpf_object__add_programs}: one program per {@code STT_FUNC} symbol of each
 * executable section, its instructions the symbol's bytes; {@code .text} functions are subprograms.
 * Programs are ordered by section index, then offset, as libbpf sorts them.
 */
final class ProgramCollector {
  private ProgramCollector() {}

  static List<ProgramBuilder> collect(ObjectReader r) {
    List<ProgramBuilder> out = new ArrayList<>();
    for (ElfSection s : r.elf.sections()) {
      if (r.kinds[s.index()] != ObjectReader.Kind.PROGRAMS) {
        continue;
      }
      for (ElfSymbol sym : r.symbols.inSection(s.index())) {
        if (sym.type() != SymbolType.FUNC) {
          continue;
        }
        out.add(program(r, s, sym));
      }
    }
    out.sort(ObjectReader.PROGRAM_ORDER);
    return out;
  }

  private static ProgramBuilder program(ObjectReader r, ElfSection s, ElfSymbol sym) {
    long offset = sym.value();
    long size = sym.size();
    if (offset < 0 || size < 0 || offset > s.size() || size > s.size() - offset) {
      throw new BpfObjectException(
          r.source,
          s.describe(),
          -1,
          "program '"
              + sym.name()
              + "' at offset "
              + Long.toUnsignedString(offset)
              + " ("
              + Long.toUnsignedString(size)
              + " bytes) crosses the section's end ("
              + s.size()
              + " bytes)");
    }
    boolean text = s.index() == r.textIndex;
    if (!text && sym.binding() == SymbolBinding.LOCAL) {
      throw new BpfObjectException(
          r.source,
          s.describe(),
          s.offset() + offset,
          "program '"
              + sym.name()
              + "' is static; libbpf supports only global functions as entry programs");
    }
    if (size == 0 || size % BpfInsn.SIZE != 0 || offset % BpfInsn.SIZE != 0) {
      throw new BpfObjectException(
          r.source,
          s.describe(),
          s.offset() + offset,
          "program '"
              + sym.name()
              + "' at offset "
              + offset
              + " has "
              + size
              + " bytes; expected a non-empty whole number of 8-byte instructions at an"
              + " instruction boundary");
    }
    boolean global = sym.binding() != SymbolBinding.LOCAL;
    return new ProgramBuilder(
        sym.name(),
        s.name(),
        s.index(),
        (int) (offset / BpfInsn.SIZE),
        text,
        global,
        global && ObjectReader.hiddenVisibility(sym),
        r.code(s, offset, size));
  }

  /**
   * libbpf's {@code find_prog_by_sec_insn}: the last program (in libbpf's order) of section {@code
   * sectionIndex} starting at or before instruction {@code insn}, if it holds that instruction.
   */
  static @Nullable ProgramBuilder find(List<ProgramBuilder> programs, int sectionIndex, long insn) {
    ProgramBuilder best = null;
    for (ProgramBuilder p : programs) {
      if (p.sectionIndex == sectionIndex && p.sectionInsnOffset <= insn) {
        best = p;
      }
    }
    return best != null && best.contains(sectionIndex, insn) ? best : null;
  }
}
