package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.runtime.feature.KernelRelease;
import io.github.core4j.runtime.map.BpfMap;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;

/**
 * Writes the initial contents of the global data maps, as libbpf's {@code
 * bpf_object__populate_internal_map} does: {@code .data}, {@code .rodata} (and their named
 * variants) from what the open object holds, {@code .bss} only when something set it (the kernel
 * zeroes it), {@code .kconfig} from the kernel configuration; {@code .rodata} and {@code .kconfig}
 * are then frozen so that only programs' view of them is constant. Maps reused from a pin are left
 * alone.
 */
final class GlobalDataMaps {
  private GlobalDataMaps() {}

  static void populate(
      BpfObject obj,
      Map<String, BpfMap> maps,
      List<String> reused,
      Map<String, MemorySegment> initial,
      byte[] kconfig,
      KernelRelease kernel) {
    for (DataSection ds : obj.dataSections()) {
      BpfMap map = maps.get(ds.mapName());
      if (map == null || reused.contains(ds.mapName())) {
        continue;
      }
      byte[] value;
      if (ds.kind() == MapKind.KCONFIG) {
        value = kconfig;
      } else {
        MemorySegment seg = initial.get(ds.name());
        value = seg == null ? new byte[(int) ds.size()] : seg.toArray(ValueLayout.JAVA_BYTE);
        if (ds.kind() == MapKind.BSS && allZero(value)) {
          continue;
        }
      }
      if (value.length != map.valueSize()) {
        byte[] sized = new byte[map.valueSize()];
        System.arraycopy(value, 0, sized, 0, Math.min(value.length, sized.length));
        value = sized;
      }
      map.update(new byte[4], value);
      if ((ds.kind() == MapKind.RODATA || ds.kind() == MapKind.KCONFIG) && kernel.atLeast("5.2")) {
        map.freeze();
      }
    }
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
