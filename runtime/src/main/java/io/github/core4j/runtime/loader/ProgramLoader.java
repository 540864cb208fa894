package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.elf.object.SectionFlag;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.link.KernelBtfIds;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.prog.ProgramSpec;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code BPF_PROG_LOAD} for one linked program with what libbpf derives from its section: type,
 * expected attach type, {@code attach_btf_id} of tp_btf/fentry/fexit/lsm targets in vmlinux,
 * sleepable and XDP-frags flags; license and {@code kern_version} from the object; BTF with func
 * and line info when the object's BTF loaded. A rejection names the program and keeps the verifier
 * log; a rejected poisoned CO-RE instruction is explained.
 */
final class ProgramLoader {
  private ProgramLoader() {}

  static BpfProgram load(
      ProgramLoadSettings settings,
      LinkedProgram linked,
      StructOpsMaps.@Nullable ProgramTarget structOps) {
    BpfObject obj = settings.obj();
    LoadedBtf btf = settings.btf();
    Program p = linked.program();
    if (p.type() == ProgramType.UNSPEC) {
      throw LoadFailure.of(
          obj,
          "BPF_PROG_LOAD",
          "program '"
              + p.name()
              + "': missing BPF prog type, check ELF section name '"
              + p.sectionName()
              + "'",
          Errno.EINVAL);
    }
    ProgramSpec spec =
        ProgramSpec.of(p.type(), linked.insns())
            .withName(p.name())
            .withLicense(obj.license())
            .withKernVersion(settings.kernVersion())
            .withLogLevel(settings.logLevel());
    AttachType expected = p.expectedAttachType();
    boolean optional = p.sectionDef() != null && p.sectionDef().has(SectionFlag.EXP_ATTACH_OPT);
    if (expected != null && (settings.expectedAttachTypes() || !optional)) {
      spec = spec.withExpectedAttachType(expected);
    }
    int flags = 0;
    if (p.sleepable()) {
      flags |= ProgramSpec.SLEEPABLE;
    }
    if (p.sectionDef() != null && p.sectionDef().has(SectionFlag.XDP_FRAGS)) {
      flags |= ProgramSpec.XDP_HAS_FRAGS;
    }
    spec = spec.withFlags(flags).withFdArray(settings.fdArray().toList());
    if (p.sectionDef() != null && p.sectionDef().has(SectionFlag.ATTACH_BTF)) {
      Optional<String> target = p.attachTarget();
      if (expected == null || target.isEmpty() || target.get().isEmpty()) {
        throw LoadFailure.of(
            obj,
            "BPF_PROG_LOAD",
            "program '" + p.name() + "': section '" + p.sectionName() + "' names no attach target");
      }
      spec = withAttachTarget(spec, settings, p, expected, target.get());
    }
    if (structOps != null) {
      // libbpf keeps the struct member's index in expected_attach_type
      int index = structOps.memberIndex();
      AttachType member =
          AttachType.ofValue(index)
              .orElseThrow(
                  () ->
                      LoadFailure.of(
                          obj,
                          "BPF_PROG_LOAD",
                          "program '"
                              + p.name()
                              + "': struct_ops member index "
                              + index
                              + " out of range"));
      spec = spec.withExpectedAttachType(member).withAttachBtfId(structOps.kernelTypeId(), 0);
    }
    if (btf != null && settings.funcInfo()) {
      spec = spec.withBtf(btf, linked.funcInfo(), linked.lineInfo());
    }
    try {
      return BpfProgram.load(spec);
    } catch (BpfException e) {
      // ends with "(type)" like the runtime's own subjects, so Explain can name the type
      String subject =
          obj.source()
              + ": program '"
              + p.name()
              + "' in section '"
              + p.sectionName()
              + "' ("
              + p.type().libbpfName()
              + ")";
      Optional<PoisonedRelocationLog.Explained> why =
          PoisonedRelocationLog.explain(linked, e.verifierLog(), settings.kernel())
              .or(() -> MissingMapLog.explain(obj, e.verifierLog()));
      if (why.isPresent()) {
        BpfException explained =
            new BpfException(
                e.operation(), subject + ": " + why.get().message(), e.errno(), why.get().log());
        throw explained;
      }
      BpfException named = new BpfException(e.operation(), subject, e.errno(), e.verifierLog());
      throw named;
    }
  }

  /**
   * {@code attach_btf_id} of a tracing program: the target in vmlinux BTF, else in a loaded
   * module's BTF (with that module's BTF fd), as libbpf's {@code find_kernel_btf_id} looks.
   */
  private static ProgramSpec withAttachTarget(
      ProgramSpec spec,
      ProgramLoadSettings settings,
      Program p,
      AttachType expected,
      String target) {
    KernelBtfIds.Target t = KernelBtfIds.target(expected, target);
    java.util.OptionalInt id = KernelBtfIds.vmlinux().findByName(t.name(), t.kind());
    if (id.isPresent()) {
      return spec.withAttachBtfId(id.getAsInt(), 0);
    }
    for (ModuleBtfs.Module m : settings.modules().get().modules()) {
      for (int candidate : m.btf().idsByName(t.name())) {
        if (candidate >= m.btf().firstId() && m.btf().kind(candidate) == t.kind()) {
          return spec.withAttachBtfId(candidate, m.fd().value());
        }
      }
    }
    throw LoadFailure.of(
        settings.obj(),
        "BPF_PROG_LOAD",
        "program '"
            + p.name()
            + "': failed to find kernel BTF type ID of '"
            + target
            + "': no "
            + t.kind()
            + " '"
            + t.name()
            + "' in vmlinux or module BTF",
        Errno.ESRCH);
  }
}
