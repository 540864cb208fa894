package io.github.core4j.runtime.map;

import static io.github.core4j.runtime.Bytes.asU32;
import static io.github.core4j.runtime.Bytes.asU64;
import static io.github.core4j.runtime.Bytes.u32;
import static io.github.core4j.runtime.Bytes.u64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.sys.PossibleCpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Maps in the real kernel: create, CRUD, iteration, per-CPU values, LPM, queues, map-in-map. */
@ExtendWith(NoFdLeaks.class)
class MapTest {
  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  @Test
  void hashMapStoresLooksUpAndDeletes() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 8, 16).withName("counts"))) {
      assertEquals("counts", map.info().name());
      assertEquals(MapType.HASH, map.info().type());
      assertTrue(map.lookup(u32(1)).isEmpty());

      map.update(u32(1), u64(100));
      assertEquals(100, asU64(map.lookup(u32(1)).orElseThrow()));

      map.update(u32(1), u64(101), UpdateFlag.EXIST);
      assertEquals(101, asU64(map.lookup(u32(1)).orElseThrow()));

      assertTrue(map.delete(u32(1)));
      assertFalse(map.delete(u32(1)));
      assertTrue(map.lookup(u32(1)).isEmpty());
    }
  }

  @Test
  void updateFlagsAreEnforcedByTheKernel() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 8, 16))) {
      BpfException missing =
          assertThrows(BpfException.class, () -> map.update(u32(7), u64(1), UpdateFlag.EXIST));
      assertEquals("ENOENT", missing.errnoName());
      assertEquals("BPF_MAP_UPDATE_ELEM", missing.operation());

      map.update(u32(7), u64(1), UpdateFlag.NOEXIST);
      BpfException exists =
          assertThrows(BpfException.class, () -> map.update(u32(7), u64(2), UpdateFlag.NOEXIST));
      assertEquals("EEXIST", exists.errnoName());
    }
  }

  @Test
  void fullHashMapRefusesNewKeysWithE2big() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 2))) {
      map.update(u32(1), u32(1));
      map.update(u32(2), u32(2));
      BpfException e = assertThrows(BpfException.class, () -> map.update(u32(3), u32(3)));
      assertEquals("E2BIG", e.errnoName());
      assertTrue(e.getMessage().contains("map (hash)"), e.getMessage());
    }
  }

  @Test
  void iterationVisitsEveryKeyOnce() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 64))) {
      for (int i = 0; i < 40; i++) {
        map.update(u32(i), u32(i * i));
      }
      Set<Integer> keys = map.keys().map(k -> asU32(k)).collect(Collectors.toSet());
      assertEquals(IntStream.range(0, 40).boxed().collect(Collectors.toSet()), keys);
      map.entries().forEach(e -> assertEquals(asU32(e.key()) * asU32(e.key()), asU32(e.value())));
      assertEquals(40, map.entries().count());
    }
  }

  @Test
  void arrayMapHasEveryIndexZeroInitialised() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 4))) {
      assertEquals(0, asU64(map.lookup(u32(3)).orElseThrow()));
      assertTrue(map.lookup(u32(4)).isEmpty());
      map.update(u32(2), u64(42));
      assertEquals(List.of(0L, 0L, 42L, 0L), map.entries().map(e -> asU64(e.value())).toList());
      BpfException e = assertThrows(BpfException.class, () -> map.delete(u32(0)));
      assertEquals("EINVAL", e.errnoName());
    }
  }

  @Test
  void perCpuValuesHaveOneSlotPerPossibleCpu() {
    int cpus = PossibleCpus.count();
    for (MapType type :
        List.of(MapType.PERCPU_HASH, MapType.PERCPU_ARRAY, MapType.LRU_PERCPU_HASH)) {
      try (BpfMap map = BpfMap.create(MapSpec.of(type, 4, 4, 8))) {
        assertEquals(8 * cpus, map.kernelValueSize(), type.toString());
        List<byte[]> values = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
          values.add(u32(1000 + cpu));
        }
        map.updatePerCpu(u32(1), values, UpdateFlag.ANY);
        List<byte[]> back = map.lookupPerCpu(u32(1)).orElseThrow();
        assertEquals(cpus, back.size());
        for (int cpu = 0; cpu < cpus; cpu++) {
          assertEquals(1000 + cpu, asU32(back.get(cpu)), type + " cpu " + cpu);
        }
      }
    }
  }

  @Test
  void lpmTrieFindsTheLongestMatchingPrefix() {
    // key: u32 prefix length, then the IPv4 address in network order
    MapSpec spec =
        MapSpec.of(MapType.LPM_TRIE, 8, 4, 16).withFlags(MapFlag.mask(MapFlag.NO_PREALLOC));
    try (BpfMap trie = BpfMap.create(spec)) {
      trie.update(lpmKey(8, 10, 0, 0, 0), u32(8));
      trie.update(lpmKey(16, 10, 199, 0, 0), u32(16));
      trie.update(lpmKey(24, 10, 199, 7, 0), u32(24));

      assertEquals(24, asU32(trie.lookup(lpmKey(32, 10, 199, 7, 9)).orElseThrow()));
      assertEquals(16, asU32(trie.lookup(lpmKey(32, 10, 199, 8, 1)).orElseThrow()));
      assertEquals(8, asU32(trie.lookup(lpmKey(32, 10, 1, 2, 3)).orElseThrow()));
      assertTrue(trie.lookup(lpmKey(32, 192, 168, 0, 1)).isEmpty());
      assertEquals(3, trie.keys().count());
    }
  }

  private static byte[] lpmKey(int prefix, int a, int b, int c, int d) {
    byte[] p = u32(prefix);
    return new byte[] {p[0], p[1], p[2], p[3], (byte) a, (byte) b, (byte) c, (byte) d};
  }

  @Test
  void lruHashEvictsInsteadOfFailing() {
    try (BpfMap lru = BpfMap.create(MapSpec.of(MapType.LRU_HASH, 4, 4, 64))) {
      for (int i = 0; i < 1000; i++) {
        lru.update(u32(i), u32(i));
      }
      long n = lru.keys().count();
      assertTrue(n > 0 && n <= 64 + PossibleCpus.count() * 64, "entries after eviction: " + n);
      assertTrue(lru.lookup(u32(999)).isPresent());
    }
  }

  @Test
  void queueIsFifoAndStackIsLifo() {
    try (BpfMap queue = BpfMap.create(MapSpec.of(MapType.QUEUE, 0, 4, 8));
        BpfMap stack = BpfMap.create(MapSpec.of(MapType.STACK, 0, 4, 8))) {
      for (int i = 1; i <= 3; i++) {
        queue.push(u32(i));
        stack.push(u32(i));
      }
      assertEquals(1, asU32(queue.peek().orElseThrow()));
      assertEquals(List.of(1, 2, 3), drain(queue));
      assertEquals(List.of(3, 2, 1), drain(stack));
      assertTrue(queue.pop().isEmpty());
    }
  }

  private static List<Integer> drain(BpfMap m) {
    List<Integer> out = new ArrayList<>();
    for (var v = m.pop(); v.isPresent(); v = m.pop()) {
      out.add(asU32(v.get()));
    }
    return out;
  }

  @Test
  void lookupAndDeleteTakesTheValueOut() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 4))) {
      map.update(u32(5), u32(55));
      assertEquals(55, asU32(map.lookupAndDelete(u32(5)).orElseThrow()));
      assertTrue(map.lookup(u32(5)).isEmpty());
      assertTrue(map.lookupAndDelete(u32(5)).isEmpty());
    }
  }

  @Test
  void hashOfMapsHoldsInnerMaps() {
    try (BpfMap inner = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 4, 1));
        BpfMap outer =
            BpfMap.create(
                MapSpec.of(MapType.HASH_OF_MAPS, 4, 4, 4).withInnerMap(inner).withName("outer"));
        BpfMap another = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 4, 1))) {
      outer.update(u32(1), u32(another.fd().value()));
      // lookups of map-in-maps return the inner map's id
      assertEquals(another.info().id(), asU32(outer.lookup(u32(1)).orElseThrow()));
    }
  }

  @Test
  void batchOperationsMoveManyElementsPerSyscall() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 8, 1024))) {
      List<MapEntry> entries = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        entries.add(new MapEntry(u32(i), u64(i * 3L)));
      }
      assertEquals(500, map.batch().update(entries, UpdateFlag.ANY));
      List<MapEntry> all = map.batch().lookupAll(64);
      assertEquals(500, all.size());
      assertEquals(Set.copyOf(entries), Set.copyOf(all));

      List<byte[]> firstHundred = IntStream.range(0, 100).mapToObj(i -> u32(i)).toList();
      assertEquals(100, map.batch().delete(firstHundred));
      assertEquals(400, map.batch().lookupAndDeleteAll(128).size());
      assertEquals(0, map.keys().count());
    }
  }

  @Test
  void frozenMapRefusesUpdatesFromUserSpace() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 4, 1))) {
      map.update(u32(0), u32(9));
      map.freeze();
      BpfException e = assertThrows(BpfException.class, () -> map.update(u32(0), u32(10)));
      assertEquals("EPERM", e.errnoName());
      assertEquals(9, asU32(map.lookup(u32(0)).orElseThrow()));
    }
  }

  @Test
  void mmapableArrayIsSharedMemory() {
    MapSpec spec = MapSpec.of(MapType.ARRAY, 4, 8, 4).withFlags(MapFlag.mask(MapFlag.MMAPABLE));
    try (BpfMap data = BpfMap.create(spec);
        MapMemory memory = data.mmap()) {
      memory.segment().set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, 0xC0FFEEL);
      assertEquals(0xC0FFEEL, asU64(data.lookup(u32(1)).orElseThrow()));
      data.update(u32(3), u64(77));
      assertEquals(77, memory.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG, 24));
    }
  }

  @Test
  void frozenMmapableArrayCanStillBeMappedReadOnly() {
    MapSpec spec = MapSpec.of(MapType.ARRAY, 4, 4, 2).withFlags(MapFlag.mask(MapFlag.MMAPABLE));
    try (BpfMap rodata = BpfMap.create(spec)) {
      rodata.update(u32(1), u32(5));
      rodata.freeze(); // what a loader does to .rodata after setting it
      BpfException writable = assertThrows(BpfException.class, rodata::mmap);
      assertEquals("mmap", writable.operation());
      assertEquals("EPERM", writable.errnoName());
      try (MapMemory memory = rodata.mmapReadOnly()) {
        assertEquals(5, memory.segment().get(java.lang.foreign.ValueLayout.JAVA_INT, 8));
      }
    }
  }

  @Test
  void nonMmapableMapCannotBeMapped() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 4))) {
      assertThrows(IllegalStateException.class, map::mmap);
    }
  }

  @Test
  void wrongKeySizeIsCaughtBeforeTheKernel() {
    try (BpfMap map = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 4))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> map.lookup(u64(1)));
      assertTrue(e.getMessage().contains("key has 8 bytes"), e.getMessage());
    }
  }

  @Test
  void badMapTypeGivesTheErrnoName() {
    BpfException e =
        assertThrows(BpfException.class, () -> BpfMap.create(MapSpec.of(MapType.UNSPEC, 4, 4, 1)));
    assertEquals("EINVAL", e.errnoName());
    assertEquals("BPF_MAP_CREATE", e.operation());
    assertTrue(
        e.getMessage().startsWith("BPF_MAP_CREATE (map (unspec)): EINVAL (Invalid argument)"),
        e.getMessage());
  }

  @Test
  void arrayWithZeroEntriesIsInvalid() {
    BpfException e =
        assertThrows(BpfException.class, () -> BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 4, 0)));
    assertEquals("EINVAL", e.errnoName());
  }

  @Test
  void everyCommonMapTypeCanBeCreated() {
    List<MapSpec> specs =
        List.of(
            MapSpec.of(MapType.PROG_ARRAY, 4, 4, 4),
            MapSpec.of(MapType.PERF_EVENT_ARRAY, 4, 4, PossibleCpus.count()),
            MapSpec.of(MapType.RINGBUF, 0, 0, 4096 * 4),
            MapSpec.of(MapType.STACK_TRACE, 4, 8 * 127, 16),
            MapSpec.of(MapType.BLOOM_FILTER, 0, 4, 100).withMapExtra(3));
    for (MapSpec spec : specs) {
      try (BpfMap map = BpfMap.create(spec)) {
        assertEquals(spec.type(), map.info().type());
      }
    }
  }
}
