package io.github.core4j.runtime.prog;

/**
 * A {@code struct bpf_func_info} record: the BTF {@code FUNC} describing the function that starts
 * at an instruction.
 *
 * @param insnOffset the function's first instruction, in instructions
 * @param typeId the {@code FUNC} type id in the program's BTF
 */
public record FuncInfo(int insnOffset, int typeId) {
  /** {@code sizeof(struct bpf_func_info)}. */
  public static final int SIZE = 8;
}
