package io.github.core4j.btf.ext;

/**
 * A CO-RE relocation record ({@code struct bpf_core_relo}): the instruction at byte {@code insnOff}
 * of its ELF section depends on {@code accessStr} (for example {@code "0:1:2"}) applied to local
 * type {@code typeId}, as relocation kind {@code kind} (the kernel's {@code enum
 * bpf_core_relo_kind} number; core4j-reloc's {@code RelocationKind} names them).
 */
public record CoreRelo(int insnOff, int typeId, String accessStr, int kind) {
  /** The instruction index within the ELF section ({@code insnOff / 8}). */
  public int insnIndex() {
    return insnOff / 8;
  }
}
