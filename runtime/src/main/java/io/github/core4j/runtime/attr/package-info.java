/**
 * One class per {@code bpf()} command family: the kernel struct as a named {@link
 * java.lang.foreign.StructLayout} plus fluent setters. Field names are the kernel names, so a field
 * is found by grepping {@code include/uapi/linux/bpf.h}.
 */
package io.github.core4j.runtime.attr;
