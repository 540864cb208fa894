package io.github.core4j.runtime.loader;

import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramRelocation;
import io.github.core4j.elf.object.SubprogramCall;
import io.github.core4j.reloc.patch.BpfInsn;
import io.github.core4j.runtime.prog.FuncInfo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Appends the {@code .text} functions an entry program uses, as libbpf's {@code
 * bpf_object__reloc_code} does: depth first, each the first time a call or callback address reaches
 * it; every call's immediate becomes the distance to its target and callback addresses become
 * {@code BPF_PSEUDO_FUNC} loads. Func and line info, ELF relocations and poisoned CO-RE
 * instructions move with their code.
 */
final class SubprogramLinker {
  static final int PSEUDO_FUNC = 4;

  private SubprogramLinker() {}

  static LinkedProgram link(
      BpfObject obj,
      Program main,
      Map<String, byte[]> code,
      Map<String, Map<Integer, CoreRelocationStep.Poison>> poisons,
      @Nullable BtfStringOffsets strings) {
    List<Program> placed = new ArrayList<>();
    placed.add(main);
    placed.addAll(obj.subprogramsUsedBy(main));
    Map<String, Integer> start = new LinkedHashMap<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    List<LinkedProgram.Placed> sources = new ArrayList<>();
    for (Program p : placed) {
      start.put(p.name(), all.size() / BpfInsn.SIZE);
      sources.add(new LinkedProgram.Placed(p, all.size() / BpfInsn.SIZE));
      byte[] c = Objects.requireNonNull(code.get(p.name()), p.name());
      all.write(c, 0, c.length);
    }
    byte[] insns = all.toByteArray();
    ByteOrder order = ByteOrder.nativeOrder();
    List<FuncInfo> funcInfo = new ArrayList<>();
    List<io.github.core4j.runtime.prog.LineInfo> lineInfo = new ArrayList<>();
    Map<Integer, ProgramRelocation> relocations = new HashMap<>();
    Map<Integer, CoreRelocationStep.Poison> poisoned = new HashMap<>();
    for (Program p : placed) {
      int base = startOf(start, p);
      for (SubprogramCall call : p.calls()) {
        Program target = obj.subprogram(call.subprogram()).orElseThrow();
        int targetIndex = startOf(start, target) + (call.targetInsn() - target.sectionInsnOffset());
        int at = base + call.insnIndex();
        BpfInsn.setImm(insns, at, order, targetIndex - at - 1);
        if (call.callback()) {
          BpfInsn.setRegs(insns, at, order, BpfInsn.dst(insns, at, order), PSEUDO_FUNC);
        }
      }
      for (io.github.core4j.btf.ext.FuncInfo f : p.funcInfo()) {
        funcInfo.add(new FuncInfo(base + f.insnIndex(), f.typeId()));
      }
      if (strings != null) {
        for (LineInfo l : p.lineInfo()) {
          lineInfo.add(
              new io.github.core4j.runtime.prog.LineInfo(
                  base + l.insnIndex(),
                  strings.offsetOf(l.fileName()),
                  strings.offsetOf(l.lineText()),
                  (l.line() << 10) | (l.column() & 0x3ff)));
        }
      }
      for (ProgramRelocation r : p.relocations()) {
        relocations.put(base + r.insnIndex(), r);
      }
      poisons
          .getOrDefault(p.name(), Map.of())
          .forEach((index, poison) -> poisoned.put(base + index, poison));
    }
    return new LinkedProgram(main, insns, funcInfo, lineInfo, relocations, poisoned, sources);
  }

  private static int startOf(Map<String, Integer> start, Program p) {
    return Objects.requireNonNull(start.get(p.name()), p.name());
  }
}
