package io.github.core4j.btf.ext;

/**
 * A function info record ({@code struct bpf_func_info}): the function starting at byte {@code
 * insnOff} of its ELF section has the {@code BTF_KIND_FUNC} type {@code typeId}.
 */
public record FuncInfo(int insnOff, int typeId) {
  /** The instruction index within the ELF section ({@code insnOff / 8}). */
  public int insnIndex() {
    return insnOff / 8;
  }
}
