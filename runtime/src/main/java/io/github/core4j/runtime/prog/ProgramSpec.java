package io.github.core4j.runtime.prog;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.btf.LoadedBtf;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code BPF_PROG_LOAD} needs, for instructions already relocated (map fds patched into
 * {@code ld_imm64}, CO-RE applied). Build with {@link #of} and the {@code with...} methods.
 *
 * @param type the program type
 * @param instructions the instructions, 8 bytes each, in host byte order
 * @param license {@code "GPL"} or another license string (GPL-only helpers need a GPL one)
 * @param name the program name (cut to 15 bytes)
 * @param expectedAttachType the attach type checked at load (required by some types), or null
 * @param attachBtfId tp_btf/fentry/fexit/lsm target: a type id in vmlinux (or module/program) BTF
 * @param attachBtfObjFd the module BTF or target program fd for {@code attachBtfId} (0: vmlinux)
 * @param btf the program's BTF (needed for func/line info), or null
 * @param funcInfo {@code bpf_func_info} records (insn offset, BTF FUNC id), or empty
 * @param lineInfo {@code bpf_line_info} records, or empty
 * @param flags {@code prog_flags} ({@link #SLEEPABLE}, {@link #XDP_HAS_FRAGS}...)
 * @param logLevel 0 (log only on failure), 1, 2 (verbose) or with 4 (stats)
 * @param kernVersion {@code kern_version} (kprobes on kernels before 5.0 check it)
 * @param ifindex device for offload or device-bound XDP (0: none)
 * @param fdArray {@code fd_array}: the BTF object fds that kfunc calls in module BTF index through
 *     their {@code off} (entry 0 unused), or empty
 */
@SuppressWarnings("ArrayRecordComponent") // bytes as the kernel exchanges them
public record ProgramSpec(
    ProgramType type,
    byte[] instructions,
    String license,
    String name,
    @Nullable AttachType expectedAttachType,
    int attachBtfId,
    int attachBtfObjFd,
    @Nullable LoadedBtf btf,
    List<FuncInfo> funcInfo,
    List<LineInfo> lineInfo,
    int flags,
    int logLevel,
    int kernVersion,
    int ifindex,
    List<Integer> fdArray) {

  /** {@code BPF_F_SLEEPABLE}. */
  public static final int SLEEPABLE = 1 << 4;

  /** {@code BPF_F_XDP_HAS_FRAGS}. */
  public static final int XDP_HAS_FRAGS = 1 << 5;

  /** Checks that the instructions are whole. */
  public ProgramSpec {
    if (instructions.length == 0 || instructions.length % 8 != 0) {
      throw new IllegalArgumentException(
          "program '"
              + name
              + "': instructions must be a non-empty multiple of 8 bytes, got "
              + instructions.length);
    }
    funcInfo = List.copyOf(funcInfo);
    lineInfo = List.copyOf(lineInfo);
    fdArray = List.copyOf(fdArray);
  }

  /** A GPL program of {@code type} with no name, BTF or attach target. */
  public static ProgramSpec of(ProgramType type, byte[] instructions) {
    return new ProgramSpec(
        type,
        instructions,
        "GPL",
        "",
        null,
        0,
        0,
        null,
        List.of(),
        List.of(),
        0,
        0,
        0,
        0,
        List.of());
  }

  /** The number of instructions (an {@code ld_imm64} counts as two). */
  public int instructionCount() {
    return instructions.length / 8;
  }

  /** With {@code name}. */
  public ProgramSpec withName(String name) {
    return with(b -> b.name = name);
  }

  /** With {@code license}. */
  public ProgramSpec withLicense(String license) {
    return with(b -> b.license = license);
  }

  /** With an expected attach type. */
  public ProgramSpec withExpectedAttachType(AttachType attachType) {
    return with(b -> b.expectedAttachType = attachType);
  }

  /**
   * With an attach target: BTF id {@code id} in vmlinux ({@code objFd = 0}) or in {@code objFd}.
   */
  public ProgramSpec withAttachBtfId(int id, int objFd) {
    return with(
        b -> {
          b.attachBtfId = id;
          b.attachBtfObjFd = objFd;
        });
  }

  /** With the program's BTF and its func and line info. */
  public ProgramSpec withBtf(LoadedBtf btf, List<FuncInfo> funcInfo, List<LineInfo> lineInfo) {
    return with(
        b -> {
          b.btf = btf;
          b.funcInfo = funcInfo;
          b.lineInfo = lineInfo;
        });
  }

  /** With {@code prog_flags}. */
  public ProgramSpec withFlags(int flags) {
    return with(b -> b.flags = flags);
  }

  /** With verifier log level {@code level}; above 0 the log is kept on success too. */
  public ProgramSpec withLogLevel(int level) {
    return with(b -> b.logLevel = level);
  }

  /** With {@code kern_version}. */
  public ProgramSpec withKernVersion(int version) {
    return with(b -> b.kernVersion = version);
  }

  /** With {@code fd_array} (index 0 is never used by instructions). */
  public ProgramSpec withFdArray(List<Integer> fds) {
    return with(b -> b.fdArray = fds);
  }

  /** A copy of this spec with the components {@code change} sets replaced. */
  private ProgramSpec with(Consumer<Copy> change) {
    Copy b = new Copy(this);
    change.accept(b);
    return new ProgramSpec(
        type,
        instructions,
        b.license,
        b.name,
        b.expectedAttachType,
        b.attachBtfId,
        b.attachBtfObjFd,
        b.btf,
        b.funcInfo,
        b.lineInfo,
        b.flags,
        b.logLevel,
        b.kernVersion,
        ifindex,
        b.fdArray);
  }

  /** The components a wither may change, so that each wither names only what it changes. */
  private static final class Copy {
    String license;
    String name;
    @Nullable AttachType expectedAttachType;
    int attachBtfId;
    int attachBtfObjFd;
    @Nullable LoadedBtf btf;
    List<FuncInfo> funcInfo;
    List<LineInfo> lineInfo;
    int flags;
    int logLevel;
    int kernVersion;
    List<Integer> fdArray;

    Copy(ProgramSpec s) {
      license = s.license;
      name = s.name;
      expectedAttachType = s.expectedAttachType;
      attachBtfId = s.attachBtfId;
      attachBtfObjFd = s.attachBtfObjFd;
      btf = s.btf;
      funcInfo = s.funcInfo;
      lineInfo = s.lineInfo;
      flags = s.flags;
      logLevel = s.logLevel;
      kernVersion = s.kernVersion;
      fdArray = s.fdArray;
    }
  }

  /** "program 'drop' (xdp)", for messages. */
  public String describe() {
    return (name.isEmpty() ? "program" : "program '" + name + "'") + " (" + type.libbpfName() + ")";
  }
}
