package io.github.core4j.runtime.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.sys.PossibleCpus;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Typed views over kernel maps convert keys and values through their codecs (root). */
@ExtendWith(NoFdLeaks.class)
class TypedMapsTest {
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  /** A two-member C struct, as a generated record would be. */
  record Pair(int a, long b) {
    static final Codec<Pair> CODEC =
        Codec.of(
            16,
            (p, s) -> {
              Codec.int32(LE).encode(p.a, s);
              Codec.int64(LE).encode(p.b, s.asSlice(8));
            },
            s -> new Pair(Codec.int32(LE).decode(s), Codec.int64(LE).decode(s.asSlice(8))));
  }

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  @Test
  void hashMapLookupUpdateDeleteAndStream() {
    try (BpfMap raw = BpfMap.create(MapSpec.of(MapType.HASH, 4, 16, 8))) {
      TypedMap<Integer, Pair> map = new TypedMap<>(raw, Codec.int32(LE), Pair.CODEC);
      assertEquals(Optional.empty(), map.lookup(1));
      map.update(1, new Pair(10, 100));
      map.update(2, new Pair(20, -1));
      assertEquals(Optional.of(new Pair(10, 100)), map.lookup(1));
      Map<Integer, Pair> all =
          map.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertEquals(Map.of(1, new Pair(10, 100), 2, new Pair(20, -1)), all);
      assertTrue(map.delete(1));
      assertFalse(map.delete(1));
      assertEquals(List.of(2), map.keys().toList());
    }
  }

  @Test
  void arrayMapIsIndexedAndBoundsChecked() {
    try (BpfMap raw = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 16, 3))) {
      TypedArrayMap<Pair> array = new TypedArrayMap<>(raw, Pair.CODEC, LE);
      assertEquals(new Pair(0, 0), array.get(2));
      array.set(1, new Pair(5, 6));
      assertEquals(
          List.of(new Pair(0, 0), new Pair(5, 6), new Pair(0, 0)), array.stream().toList());
      assertThrows(IndexOutOfBoundsException.class, () -> array.get(3));
    }
  }

  @Test
  void perCpuArrayHasOneValuePerPossibleCpu() {
    int cpus = PossibleCpus.count();
    try (BpfMap raw = BpfMap.create(MapSpec.of(MapType.PERCPU_ARRAY, 4, 4, 2))) {
      TypedPerCpuArrayMap<Integer> counters = new TypedPerCpuArrayMap<>(raw, Codec.int32(LE), LE);
      assertEquals(Collections.nCopies(cpus, 0), counters.get(0));
      List<Integer> values = java.util.stream.IntStream.range(0, cpus).boxed().toList();
      counters.set(1, values);
      assertEquals(values, counters.get(1));
    }
  }

  @Test
  void perCpuHashMapHasAListPerKey() {
    int cpus = PossibleCpus.count();
    try (BpfMap raw = BpfMap.create(MapSpec.of(MapType.PERCPU_HASH, 4, 8, 4))) {
      TypedPerCpuMap<Integer, Long> map =
          new TypedPerCpuMap<>(raw, Codec.int32(LE), Codec.int64(LE));
      map.update(9, Collections.nCopies(cpus, 3L));
      assertEquals(Optional.of(Collections.nCopies(cpus, 3L)), map.lookup(9));
      assertEquals(List.of(9), map.stream().map(Map.Entry::getKey).toList());
    }
  }

  @Test
  void queueIsFirstInFirstOut() {
    try (BpfMap raw = BpfMap.create(MapSpec.of(MapType.QUEUE, 0, 8, 4))) {
      TypedQueue<Long> queue = new TypedQueue<>(raw, Codec.int64(LE));
      queue.push(1L);
      queue.push(2L);
      assertEquals(Optional.of(1L), queue.peek());
      assertEquals(Optional.of(1L), queue.pop());
      assertEquals(Optional.of(2L), queue.pop());
      assertEquals(Optional.empty(), queue.pop());
    }
  }
}
