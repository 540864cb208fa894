/**
 * Perf events for BPF: the {@code perf_event_attr} layout, opening tracepoint, kprobe and
 * BPF-output events, the kprobe PMU and tracefs lookups.
 */
package io.github.core4j.runtime.perf;
