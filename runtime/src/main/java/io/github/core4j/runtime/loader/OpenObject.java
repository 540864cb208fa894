package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.Program;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An object opened but not loaded: its global data can still be changed (this is where a skeleton's
 * {@code rodata()} setters write) and programs can be excluded from loading.
 */
public final class OpenObject {
  private final BpfObject object;
  private final Map<String, MemorySegment> globalData = new LinkedHashMap<>();
  private final Map<String, Boolean> autoload = new HashMap<>();
  private final Map<String, Boolean> autocreate = new HashMap<>();

  OpenObject(BpfObject object) {
    this.object = object;
    for (DataSection ds : object.dataSections()) {
      if (ds.kind() == MapKind.KCONFIG) {
        continue;
      }
      MemorySegment seg = Arena.ofAuto().allocate(Math.max(ds.size(), 1), 8);
      ByteBuffer init = ds.initialData();
      seg.asByteBuffer().put(init);
      globalData.put(ds.name(), seg.asSlice(0, ds.size()));
    }
    for (Program p : object.programs()) {
      autoload.put(p.name(), p.autoload());
    }
    for (MapDefinition m : object.maps()) {
      autocreate.put(m.name(), m.autocreate());
    }
  }

  /** The parsed object. */
  public BpfObject object() {
    return object;
  }

  /**
   * The initial contents of a global data section ({@code .rodata}, {@code .data}, {@code .bss},
   * {@code .rodata.*}, {@code .data.*}): a writable segment of the section's size in the object's
   * byte order, copied into the kernel map at load. Throws {@link IllegalArgumentException} naming
   * the sections there are when the object has no such section.
   */
  public MemorySegment globalData(String section) {
    MemorySegment seg = globalData.get(section);
    if (seg == null) {
      StringJoiner there = new StringJoiner(", ");
      globalData.keySet().forEach(there::add);
      throw new IllegalArgumentException(
          object.source()
              + ": no global data section '"
              + section
              + "' (there are: "
              + (globalData.isEmpty() ? "none" : there.toString())
              + ")");
    }
    return seg;
  }

  /**
   * Whether program {@code name} (C function name) is loaded; {@code SEC("?...")} programs start
   * off.
   */
  public OpenObject autoload(String name, boolean load) {
    if (!autoload.containsKey(name)) {
      throw new IllegalArgumentException(
          object.source() + ": no program '" + name + "' (there are: " + autoload.keySet() + ")");
    }
    autoload.put(name, load);
    return this;
  }

  /** Whether program {@code name} will be loaded. */
  public boolean autoload(String name) {
    return autoload.getOrDefault(name, false);
  }

  /**
   * Whether map {@code name} (libbpf's name: the C name, or {@code xdp_filt.rodata} for internal
   * maps) is created, as libbpf's {@code bpf_map__set_autocreate}. Instructions that refer to a map
   * left out are poisoned; the verifier rejects them only if they are reachable, and the error then
   * says which map was referenced but not created.
   */
  public OpenObject autocreate(String name, boolean create) {
    if (!autocreate.containsKey(name)) {
      throw new IllegalArgumentException(
          object.source() + ": no map '" + name + "' (there are: " + autocreate.keySet() + ")");
    }
    autocreate.put(name, create);
    return this;
  }

  /** Loads with {@link LoadOptions#defaults()}. */
  public LoadedObject load() {
    return load(LoadOptions.defaults());
  }

  /**
   * Relocates, creates maps, loads programs. On failure everything created so far is closed and a
   * {@link io.github.core4j.runtime.BpfException} says which program or map failed and why.
   */
  public LoadedObject load(LoadOptions options) {
    return new ObjectLoad(object, globalData, Map.copyOf(autoload), Map.copyOf(autocreate), options)
        .run();
  }
}
