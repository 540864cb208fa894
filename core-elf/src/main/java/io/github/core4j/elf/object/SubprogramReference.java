package io.github.core4j.elf.object;

/**
 * A BPF-to-BPF call ({@code call pc+imm} with a relocation) or the address of a callback (a {@code
 * LD_IMM64} of a {@code .text} address, which the loader marks {@code BPF_PSEUDO_FUNC}, for {@code
 * bpf_loop} and friends) of a {@code .text} function.
 *
 * @param subprogram the name of the {@code .text} function
 * @param targetInsn the instruction index in {@code .text} the call or address points to
 * @param call true for a call, false for a callback address
 */
public record SubprogramReference(String subprogram, int targetInsn, boolean call)
    implements RelocationTarget {}
