package io.github.core4j.runtime.map;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.attr.MapCreateAttr;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;

/** {@code BPF_MAP_CREATE}: turns a {@link MapSpec} into a map fd. */
final class MapCreate {
  private MapCreate() {}

  static Fd create(MapSpec spec) {
    try (Arena arena = Arena.ofConfined()) {
      MapCreateAttr attr =
          new MapCreateAttr(arena)
              .mapType(spec.type().value())
              .keySize(spec.keySize())
              .valueSize(spec.valueSize())
              .maxEntries(spec.maxEntries())
              .mapFlags(spec.flags())
              .mapName(spec.name())
              .mapExtra(spec.mapExtra())
              .numaNode(spec.numaNode());
      BpfMap inner = spec.innerMap();
      if (inner != null) {
        attr.innerMapFd(inner.fd().value());
      }
      LoadedBtf btf = spec.btf();
      if (btf != null) {
        attr.btfFd(btf.fd().value())
            .btfKeyTypeId(spec.btfKeyTypeId())
            .btfValueTypeId(spec.btfValueTypeId());
      }
      return Syscall.bpfFd(BpfCommand.MAP_CREATE, attr.segment(), attr.size(), spec.describe());
    }
  }
}
