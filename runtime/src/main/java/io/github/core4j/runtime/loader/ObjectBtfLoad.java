package io.github.core4j.runtime.loader;

import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.btf.LoadedBtf;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Loads the object's BTF into the kernel after libbpf's fix-ups ({@link ObjectBtfFixups}) and, for
 * kinds the kernel lacks, sanitizing ({@link BtfSanitizer}). As in libbpf, BTF is optional: when
 * the kernel refuses it, maps are created without BTF ids and programs without func/line info,
 * unless a program cannot do without it ({@code struct_ops}).
 */
final class ObjectBtfLoad {
  /**
   * The loaded BTF, or null without one; whether func/line info may be passed with programs.
   *
   * @param btf the kernel BTF object
   * @param funcInfo whether the kernel takes func and line info
   */
  record Result(@Nullable LoadedBtf btf, boolean funcInfo) {}

  private ObjectBtfLoad() {}

  static Result load(
      BpfObject obj, KernelBtfFeatures features, Map<String, Boolean> autoload, Closer closer) {
    Optional<ElfSection> section = obj.elf().section(".BTF");
    if (section.isEmpty() || obj.btf().isEmpty() || !features.btf()) {
      return new Result(null, false);
    }
    RawBtf raw = RawBtf.of(obj.elf().data(section.get()), obj.source());
    ObjectBtfFixups.apply(obj, raw);
    if (features.needsSanitizing()) {
      BtfSanitizer.sanitize(raw, features);
    }
    try {
      LoadedBtf btf = closer.add(LoadedBtf.load(raw.toBytes()));
      return new Result(btf, features.func());
    } catch (BpfException e) {
      if (needsBtf(obj, autoload)) {
        throw new BpfException(
            e.operation(),
            obj.source() + ": .BTF (mandatory: the object has struct_ops)",
            e.errno(),
            e.verifierLog());
      }
      return new Result(null, false); // libbpf: "BTF is optional, ignoring."
    }
  }

  private static boolean needsBtf(BpfObject obj, Map<String, Boolean> autoload) {
    for (Program p : obj.programs()) {
      if (autoload.getOrDefault(p.name(), false) && p.type() == ProgramType.STRUCT_OPS) {
        return true;
      }
    }
    for (MapDefinition m : obj.maps()) {
      if (m.kind() == MapKind.STRUCT_OPS) {
        return true;
      }
    }
    return false;
  }
}
