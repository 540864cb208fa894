/**
 * Loading a whole BPF object, as libbpf's {@code bpf_object__open/load} does: open the ELF model,
 * adjust global data before load, then relocate (CO-RE against the running kernel or a given BTF),
 * create maps, link subprograms, fix up map and global-data references and load every program.
 */
@NullMarked
package io.github.core4j.runtime.loader;

import org.jspecify.annotations.NullMarked;
