package io.github.core4j.elf.object;

import io.github.core4j.btf.ext.FuncInfo;
import io.github.core4j.btf.ext.LineInfo;
import io.github.core4j.elf.bpf.BpfCode;
import io.github.core4j.elf.bpf.BpfInsn;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A function of an executable section: an entry program (libbpf's {@code bpf_program}, one per
 * function symbol of a {@code SEC("...")} section, several per section allowed) or a subprogram (a
 * function of {@code .text}, reachable only through calls).
 *
 * <p>Instructions are the function's own, as {@code bpf_program__insns} returns them right after
 * open (before the loader appends called subprograms), decoded from the object's byte order.
 * Everything indexed by instruction ({@link #relocations}, {@link #calls}, {@link #funcInfo},
 * {@link #lineInfo}, {@link #coreRelos}) is relative to the program's first instruction.
 *
 * @param name the function's C name
 * @param sectionName libbpf's section name: the ELF section name without a leading {@code ?}
 * @param sectionIndex the ELF section index
 * @param sectionInsnOffset index of the program's first instruction within its section
 * @param subprogram whether this is a {@code .text} function rather than an entry program
 * @param autoload whether the loader loads it by default (false for {@code SEC("?...")})
 * @param sectionDef the {@code section_defs} row the section name matched; null for subprograms and
 *     for names libbpf does not recognise
 * @param global whether the symbol is global or weak (not static)
 * @param hidden whether a global symbol has hidden or internal visibility (libbpf then marks its
 *     BTF function static for the verifier)
 * @param insns the instructions
 * @param relocations the ELF relocations that patch the program, in section order
 * @param calls BPF-to-BPF calls and callback addresses of {@code .text} functions, by instruction
 * @param funcInfo the {@code .BTF.ext} function info records within the program ({@code insnOff}
 *     relative to the program, in bytes)
 * @param lineInfo the {@code .BTF.ext} line info records within the program ({@code insnOff}
 *     relative to the program, in bytes)
 * @param coreRelos the CO-RE relocation records within the program
 */
public record Program(
    String name,
    String sectionName,
    int sectionIndex,
    int sectionInsnOffset,
    boolean subprogram,
    boolean autoload,
    @Nullable SectionDef sectionDef,
    boolean global,
    boolean hidden,
    List<BpfInsn> insns,
    List<ProgramRelocation> relocations,
    List<SubprogramCall> calls,
    List<FuncInfo> funcInfo,
    List<LineInfo> lineInfo,
    List<ProgramCoreRelo> coreRelos) {

  /** Copies the lists so the record stays immutable. */
  public Program {
    insns = List.copyOf(insns);
    relocations = List.copyOf(relocations);
    calls = List.copyOf(calls);
    funcInfo = List.copyOf(funcInfo);
    lineInfo = List.copyOf(lineInfo);
    coreRelos = List.copyOf(coreRelos);
  }

  /** The program type libbpf derives from the section name ({@code UNSPEC} when none matches). */
  public ProgramType type() {
    return sectionDef == null ? ProgramType.UNSPEC : sectionDef.programType();
  }

  /** The expected attach type from the section name, or null when the section gives none. */
  public @Nullable AttachType expectedAttachType() {
    return sectionDef == null ? null : sectionDef.attachType();
  }

  /** {@code bpf_program__insn_cnt} right after open: the number of instruction slots. */
  public int insnCount() {
    return insns.size();
  }

  /** The instructions as bytes in {@code order}. */
  public byte[] code(ByteOrder order) {
    return BpfCode.encode(insns, order);
  }

  /** Whether the section definition makes the program sleepable ({@code BPF_F_SLEEPABLE}). */
  public boolean sleepable() {
    return sectionDef != null && sectionDef.has(SectionFlag.SLEEPABLE);
  }

  /**
   * What the section name says to attach to: the part after the first {@code /} ({@code
   * "do_unlinkat"} for {@code kprobe/do_unlinkat}, {@code "syscalls/sys_enter_openat"} for {@code
   * tracepoint/syscalls/sys_enter_openat}); empty when there is none.
   */
  public Optional<String> attachTarget() {
    int slash = sectionName.indexOf('/');
    return slash < 0 || subprogram
        ? Optional.empty()
        : Optional.of(sectionName.substring(slash + 1));
  }
}
