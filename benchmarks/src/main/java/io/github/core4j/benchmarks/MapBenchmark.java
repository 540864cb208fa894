package io.github.core4j.benchmarks;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.map.UpdateFlag;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hash map update then lookup through the runtime's {@code bpf()} calls (needs root): the same map
 * shape and loop as {@code native/map_ops.c} does with libbpf's {@code bpf_map_update_elem} and
 * {@code bpf_map_lookup_elem}. Throughput is in update+lookup pairs per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MapBenchmark {
  private static final int KEYS = 1024;

  private BpfMap map;
  private Arena arena;
  private MemorySegment key;
  private MemorySegment value;
  private long n;

  /** A hash map of 1024 u32 → u64 entries, as map_ops.c creates. */
  @Setup(Level.Trial)
  public void createMap() {
    map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 8, KEYS).withName("bench"));
    arena = Arena.ofConfined();
    key = arena.allocate(4, 8);
    value = arena.allocate(8, 8);
  }

  /** Closes the map and frees the buffers. */
  @TearDown(Level.Trial)
  public void close() {
    map.close();
    arena.close();
  }

  /** One update and one lookup of key {@code n % 1024}. */
  @Benchmark
  public long updateThenLookup() {
    int idx = (int) (n % KEYS);
    key.set(ValueLayout.JAVA_INT, 0, idx);
    value.set(ValueLayout.JAVA_LONG, 0, n++);
    map.update(key, value, UpdateFlag.ANY);
    map.lookup(key, value);
    return value.get(ValueLayout.JAVA_LONG, 0);
  }
}
