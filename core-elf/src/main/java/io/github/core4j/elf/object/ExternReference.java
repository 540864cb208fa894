package io.github.core4j.elf.object;

/**
 * A use of an extern: a {@code LD_IMM64} of a kconfig value or kernel variable, or a kfunc call.
 *
 * @param extern the extern
 * @param call true for a kfunc call, false for a {@code LD_IMM64}
 */
public record ExternReference(Extern extern, boolean call) implements RelocationTarget {}
