package io.github.core4j.elf.object;

/**
 * A {@code LD_IMM64} of a BTF-defined map ({@code &my_map}): the loader puts the map's fd there.
 *
 * @param map the map's name
 */
public record MapReference(String map) implements RelocationTarget {}
