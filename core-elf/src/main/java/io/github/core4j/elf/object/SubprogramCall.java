package io.github.core4j.elf.object;

/**
 * A BPF-to-BPF call of a {@code .text} function, or a callback address taken of one, at one
 * instruction of a program.
 *
 * @param insnIndex the calling instruction, relative to the start of the program
 * @param subprogram the name of the called {@code .text} function
 * @param targetInsn the instruction index in {@code .text} the call lands on (normally the
 *     function's first)
 * @param callback true for a {@code LD_IMM64} of the function's address ({@code BPF_PSEUDO_FUNC}),
 *     false for a {@code call}
 */
public record SubprogramCall(int insnIndex, String subprogram, int targetInsn, boolean callback) {}
