package io.github.core4j.runtime.map;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.obj.ObjectInfo;
import io.github.core4j.runtime.sys.Fd;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * What the kernel says about a map ({@code struct bpf_map_info}): how a map opened from a pin or an
 * id learns its type and sizes.
 *
 * @param typeValue the kernel's map type number (see {@link #type()})
 * @param id the map's system-wide id
 * @param keySize key size
 * @param valueSize value size (per CPU for per-CPU maps)
 * @param maxEntries capacity
 * @param flags {@link MapFlag} bits
 * @param name the name, at most 15 bytes
 * @param btfId the id of the map's BTF object (0: none)
 * @param btfKeyTypeId key type id in that BTF
 * @param btfValueTypeId value type id in that BTF
 * @param mapExtra {@code map_extra}
 */
public record MapInfo(
    int typeValue,
    int id,
    int keySize,
    int valueSize,
    int maxEntries,
    int flags,
    String name,
    int btfId,
    int btfKeyTypeId,
    int btfValueTypeId,
    long mapExtra) {

  private static final int INFO_SIZE = 96;

  /** The map type, or {@link MapType#UNSPEC} for a type newer than this library. */
  public MapType type() {
    return MapType.ofValue(typeValue).orElse(MapType.UNSPEC);
  }

  /** Asks the kernel about the map behind {@code fd}. */
  public static MapInfo of(Fd fd) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment s = ObjectInfo.read(fd, INFO_SIZE, arena, "map " + fd);
      return new MapInfo(
          s.get(ValueLayout.JAVA_INT, 0),
          s.get(ValueLayout.JAVA_INT, 4),
          s.get(ValueLayout.JAVA_INT, 8),
          s.get(ValueLayout.JAVA_INT, 12),
          s.get(ValueLayout.JAVA_INT, 16),
          s.get(ValueLayout.JAVA_INT, 20),
          cString(s.asSlice(24, 16)),
          s.get(ValueLayout.JAVA_INT, 64),
          s.get(ValueLayout.JAVA_INT, 68),
          s.get(ValueLayout.JAVA_INT, 72),
          s.get(ValueLayout.JAVA_LONG, 80));
    }
  }

  static String cString(MemorySegment s) {
    byte[] b = s.toArray(ValueLayout.JAVA_BYTE);
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }
}
