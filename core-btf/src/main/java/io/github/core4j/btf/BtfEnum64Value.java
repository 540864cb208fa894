package io.github.core4j.btf;

/** One enumerator of a {@link BtfEnum64}: the raw 64-bit value. */
public record BtfEnum64Value(String name, long value) {}
