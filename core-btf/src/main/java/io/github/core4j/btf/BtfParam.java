package io.github.core4j.btf;

/** A function prototype parameter; a last parameter with type 0 means {@code ...}. */
public record BtfParam(String name, int type) {}
