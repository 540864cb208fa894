package io.github.core4j.btf;

/**
 * One entry of a DATASEC: the VAR (or extern FUNC) type id, and its offset and size in the section.
 */
public record BtfVarSecinfo(int type, int offset, int size) {}
