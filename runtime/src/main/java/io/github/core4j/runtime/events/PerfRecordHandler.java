package io.github.core4j.runtime.events;

import java.lang.foreign.MemorySegment;

/** Receives what a {@link PerfBuffer} reads: samples and counts of lost samples, per CPU. */
public interface PerfRecordHandler {
  /**
   * One {@code bpf_perf_event_output} sample from {@code cpu}. The kernel pads raw samples, so
   * {@code data} may be up to 7 bytes longer than what the program wrote. Valid only during the
   * call.
   */
  void onSample(int cpu, MemorySegment data);

  /** The kernel dropped {@code count} samples on {@code cpu} because the ring was full. */
  default void onLost(int cpu, long count) {}
}
