package io.github.core4j.elf.bpf;

/**
 * What the {@code src} register field means in {@code LD_IMM64} and {@code CALL}: the kernel's
 * {@code BPF_PSEUDO_*} values. Relocation and loading set these; the disassembler shows them.
 */
public final class PseudoSource {
  private PseudoSource() {}

  /** {@code LD_IMM64}: imm is a map file descriptor. */
  public static final int MAP_FD = 1;

  /** {@code LD_IMM64}: imm is a map fd, the second imm an offset into its value. */
  public static final int MAP_VALUE = 2;

  /** {@code LD_IMM64}: imm is a kernel BTF type id (ksym). */
  public static final int BTF_ID = 3;

  /** {@code LD_IMM64}: imm is an instruction offset to a BPF function. */
  public static final int FUNC = 4;

  /** {@code LD_IMM64}: imm is an index into the program's map array. */
  public static final int MAP_IDX = 5;

  /** {@code LD_IMM64}: like {@link #MAP_IDX}, with a value offset. */
  public static final int MAP_IDX_VALUE = 6;

  /** {@code CALL}: a BPF-to-BPF call; imm is the instruction offset of the callee. */
  public static final int CALL = 1;

  /** {@code CALL}: a kfunc call; imm is the kernel BTF id of the function. */
  public static final int KFUNC_CALL = 2;
}
