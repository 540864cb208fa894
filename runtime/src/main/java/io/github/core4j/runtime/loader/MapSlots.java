package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapSlot;
import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.prog.BpfProgram;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Statically initialised slots ({@code .values = { [i] = &x }}): map-in-map slots get the inner
 * map's fd once every map exists, {@code prog_array} slots the program's fd once programs are
 * loaded, as libbpf's {@code init_map_in_map_slots} and {@code init_prog_array_slots} do.
 */
final class MapSlots {
  private MapSlots() {}

  static void mapsInMaps(BpfObject obj, Map<String, BpfMap> maps, List<String> reused) {
    for (MapDefinition def : obj.maps()) {
      if (def.type() == MapType.PROG_ARRAY || def.initialSlots().isEmpty()) {
        continue;
      }
      BpfMap outer = maps.get(def.name());
      if (outer == null || reused.contains(def.name())) {
        continue;
      }
      for (MapSlot slot : def.initialSlots()) {
        BpfMap inner = maps.get(slot.target());
        if (inner == null) {
          throw LoadFailure.of(
              obj,
              "map slots",
              "map '"
                  + def.name()
                  + "': slot ["
                  + slot.index()
                  + "] refers to map '"
                  + slot.target()
                  + "', which was not created");
        }
        set(obj, outer, def.name(), slot, inner.fd().value());
      }
    }
  }

  static void progArrays(
      BpfObject obj, Map<String, BpfMap> maps, List<String> reused, Map<String, BpfProgram> progs) {
    for (MapDefinition def : obj.maps()) {
      if (def.type() != MapType.PROG_ARRAY || def.initialSlots().isEmpty()) {
        continue;
      }
      BpfMap array = maps.get(def.name());
      if (array == null || reused.contains(def.name())) {
        continue;
      }
      for (MapSlot slot : def.initialSlots()) {
        BpfProgram prog = progs.get(slot.target());
        if (prog == null) {
          throw LoadFailure.of(
              obj,
              "map slots",
              "map '"
                  + def.name()
                  + "': failed to initialize slot ["
                  + slot.index()
                  + "] to prog '"
                  + slot.target()
                  + "': the program is not loaded");
        }
        set(obj, array, def.name(), slot, prog.fd().value());
      }
    }
  }

  private static void set(BpfObject obj, BpfMap map, String name, MapSlot slot, int fd) {
    byte[] key = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(slot.index()).array();
    byte[] value = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(fd).array();
    try {
      map.update(key, value);
    } catch (BpfException e) {
      throw new BpfException(
          e.operation(),
          obj.source()
              + ": map '"
              + name
              + "': failed to initialize slot ["
              + slot.index()
              + "] to '"
              + slot.target()
              + "'",
          e.errno());
    }
  }
}
