/**
 * The syscall layer: {@code bpf(2)} and {@code perf_event_open(2)} through libc {@code syscall()}
 * with errno captured by the FFM linker, the few libc calls the runtime needs, per-architecture
 * syscall numbers, owned file descriptors, and the possible-CPU count.
 */
package io.github.core4j.runtime.sys;
