package io.github.core4j.elf.object;

import io.github.core4j.btf.ext.FuncInfo;
import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.bpf.BpfInsn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A {@link Program} while the reader still adds relocations and {@code .BTF.ext} records. */
final class ProgramBuilder {
  final String name;
  final String sectionName;
  final int sectionIndex;
  final int sectionInsnOffset;
  final boolean subprogram;
  final boolean autoload;
  final @Nullable SectionDef sectionDef;
  final boolean global;
  final boolean hidden;
  final List<BpfInsn> insns;
  final List<ProgramRelocation> relocations = new ArrayList<>();
  final List<SubprogramCall> calls = new ArrayList<>();
  final List<FuncInfo> funcInfo = new ArrayList<>();
  final List<LineInfo> lineInfo = new ArrayList<>();
  final List<ProgramCoreRelo> coreRelos = new ArrayList<>();

  ProgramBuilder(
      String name,
      String elfSectionName,
      int sectionIndex,
      int sectionInsnOffset,
      boolean subprogram,
      boolean global,
      boolean hidden,
      List<BpfInsn> insns) {
    this.name = name;
    this.autoload = !elfSectionName.startsWith("?");
    this.sectionName = autoload ? elfSectionName : elfSectionName.substring(1);
    this.sectionIndex = sectionIndex;
    this.sectionInsnOffset = sectionInsnOffset;
    this.subprogram = subprogram;
    this.sectionDef = subprogram ? null : SectionDefs.find(sectionName).orElse(null);
    this.global = global;
    this.hidden = hidden;
    this.insns = insns;
  }

  /** Whether section instruction {@code insn} belongs to this program. */
  boolean contains(int sectionIndex, long insn) {
    return sectionIndex == this.sectionIndex
        && insn >= sectionInsnOffset
        && insn < sectionInsnOffset + (long) insns.size();
  }

  ProgramType type() {
    return sectionDef == null ? ProgramType.UNSPEC : sectionDef.programType();
  }

  Program build() {
    calls.sort(Comparator.comparingInt(SubprogramCall::insnIndex));
    return new Program(
        name,
        sectionName,
        sectionIndex,
        sectionInsnOffset,
        subprogram,
        autoload,
        sectionDef,
        global,
        hidden,
        insns,
        relocations,
        calls,
        funcInfo,
        lineInfo,
        coreRelos);
  }
}
