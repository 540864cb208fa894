package io.github.core4j.runtime.loader;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.MapDefinition;
import io.github.core4j.elf.object.MapKind;
import io.github.core4j.elf.object.StructOps;
import io.github.core4j.elf.object.StructOpsProgram;
import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.attr.MapCreateAttr;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code struct_ops} maps, prepared as libbpf's {@code bpf_map__init_kern_struct_ops} prepares
 * them: the kernel struct ({@code tcp_congestion_ops}) and its wrapper {@code
 * bpf_struct_ops_<name>} are found in vmlinux BTF, the object's member values are copied to the
 * kernel layout by member name (sizes must agree), and each function pointer member tells its
 * program what to load against ({@code attach_btf_id} = the kernel struct, expected attach type =
 * the member's index). The map is created with the wrapper as {@code btf_vmlinux_value_type_id};
 * the program fds go into the value when the map is registered ({@link Plan#valueWith}).
 */
final class StructOpsMaps {
  /** What a struct_ops program is loaded against. */
  record ProgramTarget(int kernelTypeId, int memberIndex) {}

  /**
   * One struct_ops map, ready to create.
   *
   * @param def the map
   * @param valueTypeId the {@code bpf_struct_ops_<name>} type in vmlinux
   * @param value the kernel-layout value with the object's data (function pointers 0)
   * @param funcOffsets where each program's fd goes in the value, by program name
   */
  @SuppressWarnings("ArrayRecordComponent") // the value as the kernel takes it
  record Plan(MapDefinition def, int valueTypeId, byte[] value, Map<String, Integer> funcOffsets) {

    /** The value with the loaded programs' fds in their function pointer members. */
    byte[] valueWith(Map<String, Integer> programFds) {
      ByteBuffer b = ByteBuffer.wrap(value.clone()).order(ByteOrder.nativeOrder());
      funcOffsets.forEach((prog, off) -> b.putLong(off, programFds.getOrDefault(prog, 0)));
      return b.array();
    }
  }

  final Map<String, Plan> plans = new LinkedHashMap<>();
  final Map<String, ProgramTarget> targets = new HashMap<>();

  /** Prepares every struct_ops map of {@code obj} against {@code vmlinux}. */
  static StructOpsMaps prepare(BpfObject obj, Supplier<Btf> vmlinux) {
    StructOpsMaps out = new StructOpsMaps();
    for (MapDefinition def : obj.maps()) {
      StructOps ops = def.structOps();
      if (def.kind() != MapKind.STRUCT_OPS || ops == null || !def.autocreate()) {
        continue;
      }
      out.prepare(obj, def, ops, vmlinux.get());
    }
    return out;
  }

  private void prepare(BpfObject obj, MapDefinition def, StructOps ops, Btf vmlinux) {
    Btf local = obj.btf().orElseThrow();
    String name = ops.typeName();
    int kernType =
        vmlinux
            .findByName(name, BtfKind.STRUCT)
            .orElseThrow(() -> fail(obj, def, "struct " + name + " is not in kernel BTF"));
    String wrapper = "bpf_struct_ops_" + name;
    int kernValueType =
        vmlinux
            .findByName(wrapper, BtfKind.STRUCT)
            .orElseThrow(
                () ->
                    fail(
                        obj,
                        def,
                        "struct " + wrapper + " is not in kernel BTF (not a struct_ops type)"));
    BtfStruct kern = (BtfStruct) vmlinux.type(kernType);
    BtfStruct value = (BtfStruct) vmlinux.type(kernValueType);
    BtfMember data = member(value, "data");
    if (data == null) {
      throw fail(obj, def, "struct " + wrapper + " has no 'data' member");
    }
    int dataOff = data.bitOffset() / 8;
    byte[] kernValue = new byte[value.size()];
    ByteBuffer localData = ops.data();
    BtfStruct localType = (BtfStruct) local.type(ops.typeId());
    Map<String, StructOpsProgram> progByMember = new HashMap<>();
    for (StructOpsProgram p : ops.programs()) {
      progByMember.put(p.member(), p);
    }
    Map<String, Integer> funcOffsets = new LinkedHashMap<>();
    for (BtfMember m : localType.members()) {
      int kernIndex = memberIndex(kern, m.name());
      if (kernIndex < 0) {
        throw fail(obj, def, "cannot find member " + m.name() + " in kernel BTF");
      }
      BtfMember km = kern.members().get(kernIndex);
      if (m.bitfieldSize() != 0 || km.bitfieldSize() != 0) {
        throw fail(obj, def, "bitfield member " + m.name() + " is not supported");
      }
      int kernOff = dataOff + km.bitOffset() / 8;
      BtfType mtype = local.type(skip(local, m.type()));
      if (mtype instanceof BtfPtr) {
        StructOpsProgram prog = progByMember.get(m.name());
        if (prog == null) {
          continue;
        }
        BtfType kt = vmlinux.type(skip(vmlinux, km.type()));
        if (!(kt instanceof BtfPtr kp)
            || !(vmlinux.type(skip(vmlinux, kp.type())) instanceof BtfFuncProto)) {
          throw fail(obj, def, "non func ptr " + m.name() + " is not supported");
        }
        targets.put(prog.program(), new ProgramTarget(kernType, kernIndex));
        funcOffsets.put(prog.program(), kernOff);
        continue;
      }
      long size = local.resolveSize(m.type());
      long kernSize = vmlinux.resolveSize(km.type());
      if (size != kernSize) {
        throw fail(
            obj,
            def,
            "size of member " + m.name() + " is " + size + " but " + kernSize + " in the kernel");
      }
      localData.get(m.bitOffset() / 8, kernValue, kernOff, (int) size);
    }
    plans.put(def.name(), new Plan(def, kernValueType, kernValue, funcOffsets));
  }

  /** Creates the map ({@code BPF_MAP_CREATE} with the vmlinux value type). */
  static BpfMap create(Plan plan, @Nullable LoadedBtf btf) {
    MapDefinition def = plan.def();
    try (Arena arena = Arena.ofConfined()) {
      MapCreateAttr attr =
          new MapCreateAttr(arena)
              .mapType(def.type().value())
              .keySize(4)
              .valueSize(plan.value().length)
              .maxEntries(1)
              .mapFlags(def.flags())
              .mapName(def.name())
              .btfVmlinuxValueTypeId(plan.valueTypeId());
      if (btf != null) {
        attr.btfFd(btf.fd().value());
      }
      return BpfMap.fromFd(
          Syscall.bpfFd(
              BpfCommand.MAP_CREATE,
              attr.segment(),
              attr.size(),
              "map '" + def.name() + "' (struct_ops)"));
    }
  }

  private static @Nullable BtfMember member(BtfStruct s, String name) {
    int i = memberIndex(s, name);
    return i < 0 ? null : s.members().get(i);
  }

  private static int memberIndex(BtfStruct s, String name) {
    for (int i = 0; i < s.members().size(); i++) {
      if (s.members().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static int skip(Btf btf, int id) {
    int cur = id;
    for (int guard = 0; guard < 64; guard++) {
      BtfType t = btf.type(cur);
      if (t instanceof BtfQualifier q) {
        cur = q.type();
      } else if (t instanceof BtfTypedef td) {
        cur = td.type();
      } else {
        return cur;
      }
    }
    return cur;
  }

  private static RuntimeException fail(BpfObject obj, MapDefinition def, String what) {
    return LoadFailure.of(
        obj,
        "struct_ops",
        "map '" + def.name() + "': struct_ops init_kern: " + what,
        Errno.EOPNOTSUPP);
  }
}
