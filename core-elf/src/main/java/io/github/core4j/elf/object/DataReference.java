package io.github.core4j.elf.object;

import org.jspecify.annotations.Nullable;

/**
 * A {@code LD_IMM64} of global data ({@code &var}, a string literal): the loader puts the address
 * of the internal map's value plus {@link #offset} there.
 *
 * @param section the data section ({@code ".rodata"}, {@code ".bss"}...)
 * @param map the internal map that holds the section
 * @param offset the byte offset in the section: the symbol's value plus the instruction's
 *     immediate, as libbpf computes it
 * @param variable the variable at that offset, or null when none is known there (string literals
 *     without a symbol)
 */
public record DataReference(String section, String map, long offset, @Nullable String variable)
    implements RelocationTarget {}
