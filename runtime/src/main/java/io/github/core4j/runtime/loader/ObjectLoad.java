package io.github.core4j.runtime.loader;

import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.Program;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import io.github.core4j.runtime.feature.KernelRelease;
import io.github.core4j.runtime.link.KernelBtfIds;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.obj.BpfFs;
import io.github.core4j.runtime.prog.BpfProgram;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One {@code load()}, in libbpf's order ({@code bpf_object_load}): resolve externs (kconfig,
 * ksyms), load the object's BTF, create maps and fill global data, CO-RE-relocate, link subprograms
 * and fix up immediates, load programs, fill {@code prog_array} slots. Anything created is closed
 * (and maps pinned by this load unpinned) when a step fails.
 */
final class ObjectLoad {
  private final BpfObject obj;
  private final Map<String, MemorySegment> globalData;
  private final Map<String, Boolean> autoload;
  private final Map<String, Boolean> autocreate;
  private final LoadOptions options;
  private final KernelRelease kernel = KernelRelease.current();
  private final Closer closer = new Closer();
  private final FdArray fdArray = new FdArray();
  private @Nullable ModuleBtfs modules;

  ObjectLoad(
      BpfObject obj,
      Map<String, MemorySegment> globalData,
      Map<String, Boolean> autoload,
      Map<String, Boolean> autocreate,
      LoadOptions options) {
    this.obj = obj;
    this.globalData = globalData;
    this.autoload = autoload;
    this.autocreate = autocreate;
    this.options = options;
  }

  LoadedObject run() {
    MapCreator maps = null;
    StructOpsMaps structOps;
    try {
      byte[] kconfig =
          KconfigData.fill(
              obj,
              kernel,
              options.kconfig(),
              () -> KernelConfig.read(KernelConfig.candidates(kernel.release())));
      Map<String, ResolvedKsym> ksyms =
          KsymResolver.resolve(
              obj, KernelBtfIds::vmlinux, this::modules, fdArray, KsymResolver.KALLSYMS);
      KernelBtfFeatures features = KernelBtfFeatures.of(kernel);
      ObjectBtfLoad.Result btf = ObjectBtfLoad.load(obj, features, autoload, closer);

      Path pinRoot = options.pinRoot() == null ? BpfFs.DEFAULT_MOUNT : options.pinRoot();
      structOps = StructOpsMaps.prepare(obj, KernelBtfIds::vmlinux);
      maps = new MapCreator(obj, btf.btf(), pinRoot, kernel, structOps, autocreate, closer);
      maps.createAll();
      GlobalDataMaps.populate(obj, maps.maps, maps.reused, globalData, kconfig, kernel);
      MapSlots.mapsInMaps(obj, maps.maps, maps.reused);

      String kernelName = kernelName();
      Map<String, byte[]> code = new HashMap<>();
      for (Program p : obj.programs()) {
        code.put(p.name(), p.code(ByteOrder.nativeOrder()));
      }
      for (Program p : obj.subprograms()) {
        code.put(p.name(), p.code(ByteOrder.nativeOrder()));
      }
      boolean hasCoreRelos =
          obj.btfExt().map(x -> !x.coreRelos().sections().isEmpty()).orElse(false);
      Map<String, Map<Integer, CoreRelocationStep.Poison>> poisons =
          obj.btf().isPresent() && hasCoreRelos
              ? CoreRelocationStep.run(
                  obj,
                  obj.btf().get(),
                  targets(),
                  code,
                  p -> p.subprogram() || autoload.getOrDefault(p.name(), false),
                  kernelName)
              : Map.of();

      BpfMap kconfigMap = null;
      for (MapDefinition def : obj.maps()) {
        if (def.kind() == MapKind.KCONFIG) {
          kconfigMap = maps.maps.get(def.name());
        }
      }
      BtfStringOffsets strings =
          obj.btf().isPresent() && btf.funcInfo() ? new BtfStringOffsets(obj.btf().get()) : null;
      ProgramLoadSettings settings =
          new ProgramLoadSettings(
              obj,
              btf.btf(),
              btf.funcInfo(),
              options.logLevel(),
              obj.kernelVersion().orElse(kernel.code()),
              kernelName,
              this::modules,
              fdArray,
              kernel.atLeast("4.17"));
      // as libbpf: every program is linked and fixed up before the first one loads
      Map<String, LinkedProgram> linked = new LinkedHashMap<>();
      for (Program p : obj.programs()) {
        if (autoload.getOrDefault(p.name(), false)) {
          LinkedProgram l = SubprogramLinker.link(obj, p, code, poisons, strings);
          ImmFixups.apply(obj, l, maps.maps, kconfigMap, ksyms);
          linked.put(p.name(), l);
        }
      }
      Map<String, BpfProgram> programs = new LinkedHashMap<>();
      Map<String, byte[]> instructions = new HashMap<>();
      for (LinkedProgram l : linked.values()) {
        String name = l.program().name();
        instructions.put(name, l.insns());
        programs.put(
            name, closer.add(ProgramLoader.load(settings, l, structOps.targets.get(name))));
      }
      MapSlots.progArrays(obj, maps.maps, maps.reused, programs);
      return new LoadedObject(obj, maps.maps, programs, instructions, structOps, closer);
    } catch (RuntimeException e) {
      try {
        closer.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (maps != null) {
        maps.unpinCreated();
      }
      throw e;
    } finally {
      // module BTF fds are needed while programs load only (libbpf closes them after load too)
      ModuleBtfs m = modules;
      if (m != null) {
        m.close();
      }
    }
  }

  /** The loaded modules' BTF, found the first time a ksym is not in vmlinux. */
  private ModuleBtfs modules() {
    ModuleBtfs m = modules;
    if (m == null) {
      m = ModuleBtfs.load(KernelBtfIds.vmlinux());
      modules = m;
    }
    return m;
  }

  /**
   * What CO-RE relocates against: the given BTF file alone, or the running kernel's BTF with the
   * loaded modules' BTF searched after it (libbpf searches modules only without a custom BTF).
   */
  private Targets targets() {
    Path target = options.targetBtf();
    if (target != null) {
      return Targets.of(TargetBtf.of("vmlinux", BtfFiles.read(target)))
          .withByteOrder(ByteOrder.nativeOrder());
    }
    Targets t =
        Targets.of(TargetBtf.of("vmlinux", KernelBtfIds.vmlinux()))
            .withByteOrder(ByteOrder.nativeOrder());
    for (ModuleBtfs.Module m : modules().modules()) {
      t = t.withModule(TargetBtf.of(m.name(), m.btf()));
    }
    return t;
  }

  private String kernelName() {
    Path target = options.targetBtf();
    if (target == null) {
      return kernel.release();
    }
    Path name = target.getFileName();
    return name == null ? target.toString() : name.toString();
  }
}
