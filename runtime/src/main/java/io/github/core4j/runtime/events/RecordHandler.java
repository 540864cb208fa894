package io.github.core4j.runtime.events;

import java.lang.foreign.MemorySegment;

/**
 * Receives ring buffer records. The segment points into the shared ring and is valid only during
 * the call: copy what must outlive it.
 */
@FunctionalInterface
public interface RecordHandler {
  /** One record's bytes, as the BPF program wrote them. */
  void onRecord(MemorySegment record);
}
