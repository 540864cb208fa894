package io.github.core4j.runtime.map;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.Kernel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * Map update+lookup throughput on a hash map, the Java side of {@code benchmarks/native/map_ops.c}
 * (same map shape, same loop). Run as a test it only checks that the loop works; run {@link #main}
 * for the number: {@code java --enable-native-access=ALL-UNNAMED -cp ...
 * io.github.core4j.runtime.map.MapThroughputTest [seconds]}.
 */
class MapThroughputTest {
  static final int KEYS = 1024;

  /**
   * Update then look up {@code key i % KEYS}, for {@code seconds}; returns update+lookup pairs/s.
   */
  static double measure(double seconds, boolean segments) {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 8, KEYS).withName("bench"));
        Arena arena = Arena.ofConfined()) {
      MemorySegment key = arena.allocate(4, 8);
      MemorySegment value = arena.allocate(8, 8);
      byte[] k = new byte[4];
      byte[] v = new byte[8];
      long n = 0;
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      long start = System.nanoTime();
      long now;
      do {
        for (int i = 0; i < 1000; i++, n++) {
          int idx = (int) (n % KEYS);
          if (segments) {
            key.set(ValueLayout.JAVA_INT, 0, idx);
            value.set(ValueLayout.JAVA_LONG, 0, n);
            map.update(key, value, UpdateFlag.ANY);
            map.lookup(key, value);
          } else {
            k[0] = (byte) idx;
            k[1] = (byte) (idx >> 8);
            v[0] = (byte) n;
            map.update(k, v);
            map.lookup(k);
          }
        }
        now = System.nanoTime();
      } while (now < deadline);
      return n / ((now - start) / 1e9);
    }
  }

  @Test
  void updateAndLookupLoopRuns() {
    Kernel.requireRoot();
    assertTrue(measure(0.2, true) > 0);
    assertTrue(measure(0.2, false) > 0);
  }

  /** Prints update+lookup pairs per second for segment and byte[] keys. */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    measure(1, true); // warm up
    measure(1, false);
    System.out.printf(
        "core4j hash map update+lookup (MemorySegment): %.0f pairs/s%n", measure(seconds, true));
    System.out.printf(
        "core4j hash map update+lookup (byte[]):        %.0f pairs/s%n", measure(seconds, false));
  }
}
