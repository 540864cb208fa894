package io.github.core4j.btf;

/** One enumerator of a 32-bit {@link BtfEnum}: the raw 32-bit value, signed or not per its enum. */
public record BtfEnumValue(String name, int value) {}
