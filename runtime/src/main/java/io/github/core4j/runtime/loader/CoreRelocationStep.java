package io.github.core4j.runtime.loader;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramCoreRelo;
import io.github.core4j.reloc.RelocationException;
import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.Relocator;
import io.github.core4j.reloc.Targets;
import io.github.core4j.reloc.patch.InsnPatcher;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CO-RE relocation of every program's own instructions against the target kernel, in libbpf's order
 * ({@code .BTF.ext} sections, then records in section order) with one relocator so candidate
 * pruning matches libbpf's. Programs that will not be loaded are skipped, as libbpf skips them;
 * {@code .text} functions are relocated before entry programs copy them. A relocation libbpf cannot
 * apply fails the load; one with no target poisons its instruction and is remembered so a verifier
 * rejection of that instruction can be explained.
 */
final class CoreRelocationStep {
  /** One applied relocation that poisoned its instruction. */
  record Poison(Program program, ProgramCoreRelo record, RelocationResult result) {}

  private CoreRelocationStep() {}

  /**
   * Patches {@code code} (each program's instructions in host order, by C name) and returns the
   * poisoned instructions by program name and instruction index within that program.
   */
  static Map<String, Map<Integer, Poison>> run(
      BpfObject obj,
      Btf local,
      Targets targets,
      Map<String, byte[]> code,
      Predicate<Program> loaded,
      String kernel) {
    Map<String, Map<Integer, Poison>> poisons = new HashMap<>();
    if (obj.btfExt().isEmpty()) {
      return poisons;
    }
    Map<String, Program> programByRecord = new HashMap<>();
    Map<String, ProgramCoreRelo> recordByKey = new HashMap<>();
    Map<String, Integer> sectionIndexByName = new HashMap<>();
    List<Program> all = new ArrayList<>(obj.programs());
    all.addAll(obj.subprograms());
    for (Program p : all) {
      sectionIndexByName.putIfAbsent(p.sectionName(), p.sectionIndex());
      for (ProgramCoreRelo r : p.coreRelos()) {
        String key = p.sectionIndex() + "#" + r.index();
        programByRecord.put(key, p);
        recordByKey.put(key, r);
      }
    }
    Relocator relocator = new Relocator(local, targets);
    for (BtfExtSection<CoreRelo> s : obj.btfExt().get().coreRelos().sections()) {
      String name = s.name().startsWith("?") ? s.name().substring(1) : s.name();
      Integer sectionIndex = sectionIndexByName.get(name);
      if (sectionIndex == null) {
        continue;
      }
      for (int i = 0; i < s.records().size(); i++) {
        String key = sectionIndex + "#" + i;
        Program p = programByRecord.get(key);
        ProgramCoreRelo r = recordByKey.get(key);
        if (p == null || r == null || !loaded.test(p)) {
          continue;
        }
        RelocationResult result = relocator.relocate(r.relo());
        if (result.failure().isPresent()) {
          throw LoadFailure.of(
              obj,
              "CO-RE relocation",
              "program '"
                  + p.name()
                  + "': relo #"
                  + i
                  + " (insn #"
                  + r.insnIndex()
                  + "): failed to relocate against "
                  + kernel
                  + ": "
                  + result.failure().get().getMessage());
        }
        try {
          InsnPatcher.patch(
              java.util.Objects.requireNonNull(code.get(p.name()), p.name()),
              r.insnIndex(),
              ByteOrder.nativeOrder(),
              result.values().orElseThrow());
        } catch (RelocationException e) {
          throw LoadFailure.of(
              obj,
              "CO-RE relocation",
              "program '"
                  + p.name()
                  + "': relo #"
                  + i
                  + ": failed to patch insn #"
                  + r.insnIndex()
                  + ": "
                  + e.getMessage());
        }
        if (result.poisoned()) {
          poisons
              .computeIfAbsent(p.name(), n -> new HashMap<>())
              .put(r.insnIndex(), new Poison(p, r, result));
        }
      }
    }
    return poisons;
  }
}
