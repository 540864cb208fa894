package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.MapPinning;
import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.feature.KernelRelease;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapInfo;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.obj.BpfFs;
import io.github.core4j.runtime.sys.PossibleCpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Creates the maps of an object as libbpf's {@code bpf_object__create_maps} does: in the object's
 * order; with the object's BTF key/value ids except for the map types libbpf creates without them
 * (and again without BTF when the kernel refuses them); inner map templates created for their outer
 * map and closed right after; {@code perf_event_array} sized to the CPUs and ring buffers rounded
 * to a power-of-2 number of pages; maps pinned by name reused when a compatible map is already
 * pinned, otherwise created and pinned.
 */
final class MapCreator {
  private static final long PAGE_SIZE = 4096;

  /** Types libbpf creates without BTF key/value ids. */
  private static final Set<MapType> NO_BTF =
      EnumSet.of(
          MapType.PERF_EVENT_ARRAY,
          MapType.CGROUP_ARRAY,
          MapType.STACK_TRACE,
          MapType.ARRAY_OF_MAPS,
          MapType.HASH_OF_MAPS,
          MapType.DEVMAP,
          MapType.DEVMAP_HASH,
          MapType.CPUMAP,
          MapType.XSKMAP,
          MapType.SOCKMAP,
          MapType.SOCKHASH,
          MapType.QUEUE,
          MapType.STACK);

  private final BpfObject obj;
  private final @Nullable LoadedBtf btf;
  private final Path pinRoot;
  private final KernelRelease kernel;
  private final Closer closer;
  private final StructOpsMaps structOps;
  private final Map<String, Boolean> autocreate;

  /** The maps created or reused, by libbpf name, in the object's order. */
  final Map<String, BpfMap> maps = new LinkedHashMap<>();

  /** Maps this load pinned (unpinned again if the load fails). */
  final List<Path> pinned = new ArrayList<>();

  /** Names of maps reused from a pin: their contents are left as they are. */
  final List<String> reused = new ArrayList<>();

  MapCreator(
      BpfObject obj,
      @Nullable LoadedBtf btf,
      Path pinRoot,
      KernelRelease kernel,
      StructOpsMaps structOps,
      Map<String, Boolean> autocreate,
      Closer closer) {
    this.obj = obj;
    this.btf = btf;
    this.pinRoot = pinRoot;
    this.kernel = kernel;
    this.closer = closer;
    this.structOps = structOps;
    this.autocreate = autocreate;
  }

  void createAll() {
    for (MapDefinition def : obj.maps()) {
      if (!autocreate.getOrDefault(def.name(), def.autocreate())) {
        continue;
      }
      if (def.kind() == MapKind.STRUCT_OPS) {
        StructOpsMaps.Plan plan = structOps.plans.get(def.name());
        if (plan == null) {
          throw LoadFailure.of(
              obj, "BPF_MAP_CREATE", "map '" + def.name() + "': struct_ops value not prepared");
        }
        maps.put(def.name(), closer.add(StructOpsMaps.create(plan, btf)));
        continue;
      }
      Path pin = def.pinning() == MapPinning.BY_NAME ? pinRoot.resolve(def.name()) : null;
      if (pin != null && Files.exists(pin)) {
        maps.put(def.name(), closer.add(reuse(def, pin)));
        reused.add(def.name());
        continue;
      }
      if (pin != null && !BpfFs.isOnBpfFs(pinRoot)) {
        throw LoadFailure.of(
            obj,
            "pin",
            "map '"
                + def.name()
                + "' is pinned by name, but "
                + pinRoot
                + " is not on a bpf filesystem (mount one: mount -t bpf bpf "
                + pinRoot
                + ", or choose another with LoadOptions.withPinRoot)");
      }
      BpfMap map = closer.add(create(def));
      maps.put(def.name(), map);
      if (pin != null) {
        map.pin(pin);
        pinned.add(pin);
      }
    }
  }

  /** Removes the pins this load made (after a failed load, as libbpf does). */
  void unpinCreated() {
    for (Path p : pinned) {
      try {
        Files.deleteIfExists(p);
      } catch (java.io.IOException e) {
        // best effort: the load error is what gets reported
      }
    }
  }

  private BpfMap create(MapDefinition def) {
    MapSpec spec =
        MapSpec.of(def.type(), def.keySize(), def.valueSize(), maxEntries(def))
            .withName(def.name())
            .withFlags(flags(def))
            .withMapExtra(def.mapExtra());
    if (def.numaNode() != 0 || (def.flags() & MapDefinition.F_NUMA_NODE) != 0) {
      spec = spec.withNumaNode(def.numaNode());
    }
    BpfMap inner = null;
    MapDefinition innerDef = def.innerMap();
    if (innerDef != null) {
      inner = closer.add(create(innerDef));
      spec = spec.withInnerMap(inner);
    }
    try {
      LoadedBtf b = btf;
      if (b == null
          || (def.keyTypeId() == 0 && def.valueTypeId() == 0)
          || NO_BTF.contains(def.type())) {
        return BpfMap.create(spec);
      }
      try {
        return BpfMap.create(spec.withBtf(b, def.keyTypeId(), def.valueTypeId()));
      } catch (BpfException e) {
        // libbpf: "Retrying without BTF."
        try {
          return BpfMap.create(spec);
        } catch (BpfException again) {
          again.addSuppressed(e);
          throw again;
        }
      }
    } finally {
      if (inner != null) {
        closer.closeNow(inner);
      }
    }
  }

  private int flags(MapDefinition def) {
    int flags = def.flags();
    if (def.isInternal() && !kernel.atLeast("5.5")) {
      flags &= ~MapDefinition.F_MMAPABLE; // array mmap came in 5.5
    }
    return flags;
  }

  private static int maxEntries(MapDefinition def) {
    if (def.type() == MapType.PERF_EVENT_ARRAY && def.maxEntries() == 0) {
      return PossibleCpus.count();
    }
    if (def.type() == MapType.RINGBUF) {
      return ringbufSize(def.maxEntries());
    }
    return def.maxEntries();
  }

  /** A power-of-2 number of pages at least {@code size} (libbpf's {@code adjust_ringbuf_sz}). */
  static int ringbufSize(int size) {
    if (size <= 0) {
      return size;
    }
    long pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
    if (size % PAGE_SIZE == 0 && Long.bitCount(pages) == 1) {
      return size;
    }
    long mul = 1;
    while (mul * PAGE_SIZE <= size) {
      mul <<= 1;
    }
    return (int) (mul * PAGE_SIZE);
  }

  private BpfMap reuse(MapDefinition def, Path pin) {
    BpfMap map = BpfMap.pinned(pin);
    MapInfo info = map.info();
    boolean compatible =
        info.typeValue() == def.type().value()
            && info.keySize() == def.keySize()
            && info.valueSize() == def.valueSize()
            && info.maxEntries() == maxEntries(def)
            && info.flags() == flags(def)
            && info.mapExtra() == def.mapExtra();
    if (!compatible) {
      map.close();
      throw LoadFailure.of(
          obj,
          "pin",
          "couldn't reuse pinned map at '"
              + pin
              + "': parameter mismatch (pinned: type "
              + info.type().libbpfName()
              + ", key "
              + info.keySize()
              + ", value "
              + info.valueSize()
              + ", max_entries "
              + info.maxEntries()
              + ", flags 0x"
              + Integer.toHexString(info.flags())
              + "; object: type "
              + def.type().libbpfName()
              + ", key "
              + def.keySize()
              + ", value "
              + def.valueSize()
              + ", max_entries "
              + maxEntries(def)
              + ", flags 0x"
              + Integer.toHexString(flags(def))
              + ")");
    }
    return map;
  }
}
