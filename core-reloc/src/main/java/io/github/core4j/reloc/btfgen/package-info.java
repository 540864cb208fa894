/**
 * btfgen: minimal BTF for a set of BPF objects and a kernel (bpftool's {@code gen min_core_btf}),
 * for one kernel, a kernel plus modules, or a whole tree or archive of kernels.
 *
 * <ul>
 *   <li>{@link io.github.core4j.reloc.btfgen.Btfgen} — the entry point for one target;
 *   <li>{@link io.github.core4j.reloc.btfgen.ObjectBtf} — an object's {@code .BTF} and {@code
 *       .BTF.ext}, read from its ELF sections;
 *   <li>{@code CandidateSelection} — which candidates of which relocations must be kept;
 *   <li>{@code TypeMarker}, {@code TypeMarks} — bpftool's marking walks and their result;
 *   <li>{@code MinimalBtfBuilder}, {@code IdRemapper} — writing the kept types, renumbered;
 *   <li>{@link io.github.core4j.reloc.btfgen.MinimizedBtf} — the result and its id maps;
 *   <li>{@link io.github.core4j.reloc.btfgen.KernelTreeMinimizer} — many kernels in parallel.
 * </ul>
 */
package io.github.core4j.reloc.btfgen;
