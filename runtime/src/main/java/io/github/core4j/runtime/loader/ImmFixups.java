package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataReference;
import io.github.core4j.elf.object.ExternReference;
import io.github.core4j.elf.object.KconfigExtern;
import io.github.core4j.elf.object.KsymExtern;
import io.github.core4j.elf.object.MapReference;
import io.github.core4j.elf.object.ProgramRelocation;
import io.github.core4j.elf.object.RelocationTarget;
import io.github.core4j.reloc.patch.BpfInsn;
import io.github.core4j.runtime.map.BpfMap;
import java.nio.ByteOrder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fills in the immediates that refer to kernel objects, as libbpf's {@code
 * bpf_object__relocate_data} does: {@code &map} becomes {@code BPF_PSEUDO_MAP_FD} with the map's
 * fd; a global variable {@code BPF_PSEUDO_MAP_VALUE} with its data map's fd and offset; a kconfig
 * value the same in the {@code .kconfig} map; a typed {@code __ksym} {@code BPF_PSEUDO_BTF_ID} with
 * its vmlinux BTF id, a typeless one its kallsyms address; a kfunc call {@code
 * BPF_PSEUDO_KFUNC_CALL} with the kfunc's BTF id. Unresolved weak externs become 0; loads of maps
 * left out ({@code autocreate}) are poisoned.
 */
final class ImmFixups {
  static final int PSEUDO_MAP_FD = 1;
  static final int PSEUDO_MAP_VALUE = 2;
  static final int PSEUDO_BTF_ID = 3;
  static final int PSEUDO_KFUNC_CALL = 2;

  /** libbpf's {@code MAP_LDIMM64_POISON_BASE}: plus the map's index in the object. */
  static final int MAP_POISON_BASE = 2001000000;

  private ImmFixups() {}

  static void apply(
      BpfObject obj,
      LinkedProgram linked,
      Map<String, BpfMap> maps,
      @Nullable BpfMap kconfig,
      Map<String, ResolvedKsym> ksyms) {
    byte[] insns = linked.insns();
    ByteOrder order = ByteOrder.nativeOrder();
    for (Map.Entry<Integer, ProgramRelocation> e : linked.relocations().entrySet()) {
      int at = e.getKey();
      RelocationTarget target = e.getValue().target();
      if (target instanceof MapReference m) {
        BpfMap map = maps.get(m.map());
        if (map == null) {
          poison(obj, insns, at, order, m.map());
        } else {
          ldImm64(insns, at, order, PSEUDO_MAP_FD, map.fd().value(), 0);
        }
      } else if (target instanceof DataReference d) {
        BpfMap map = maps.get(d.map());
        if (map == null) {
          poison(obj, insns, at, order, d.map());
        } else {
          ldImm64(insns, at, order, PSEUDO_MAP_VALUE, map.fd().value(), (int) d.offset());
        }
      } else if (target instanceof ExternReference x) {
        if (x.extern() instanceof KconfigExtern k) {
          if (kconfig == null) {
            throw LoadFailure.of(
                obj, "relocate", "program '" + linked.program().name() + "': no .kconfig map");
          }
          ldImm64(insns, at, order, PSEUDO_MAP_VALUE, kconfig.fd().value(), k.offset());
        } else if (x.extern() instanceof KsymExtern k) {
          ResolvedKsym r = ksyms.getOrDefault(k.name(), ResolvedKsym.UNSET);
          if (x.call()) {
            BpfInsn.setRegs(insns, at, order, BpfInsn.dst(insns, at, order), PSEUDO_KFUNC_CALL);
            BpfInsn.setImm(insns, at, order, r.set() ? r.btfId() : 0);
            BpfInsn.setOff(insns, at, order, (short) (r.set() ? r.fdIndex() : 0));
          } else if (r.set() && !k.isTypeless()) {
            ldImm64(insns, at, order, PSEUDO_BTF_ID, r.btfId(), r.btfObjFd());
          } else {
            ldImm64(insns, at, order, 0, (int) r.address(), (int) (r.address() >>> 32));
          }
        }
      }
      // subprogram references were linked by SubprogramLinker
    }
  }

  /**
   * A load of a map that was not created becomes two invalid calls whose immediate names the map
   * (libbpf's {@code poison_map_ldimm64}): harmless when unreachable, explained when not.
   */
  private static void poison(BpfObject obj, byte[] insns, int at, ByteOrder order, String map) {
    int index = 0;
    for (io.github.core4j.elf.object.MapDefinition def : obj.maps()) {
      if (def.name().equals(map)) {
        break;
      }
      index++;
    }
    for (int i = at; i < at + 2; i++) {
      BpfInsn.setCode(insns, i, BpfInsn.CALL);
      BpfInsn.setRegs(insns, i, order, 0, 0);
      BpfInsn.setOff(insns, i, order, (short) 0);
      BpfInsn.setImm(insns, i, order, MAP_POISON_BASE + index);
    }
  }

  private static void ldImm64(byte[] insns, int at, ByteOrder order, int src, int lo, int hi) {
    BpfInsn.setRegs(insns, at, order, BpfInsn.dst(insns, at, order), src);
    BpfInsn.setImm(insns, at, order, lo);
    BpfInsn.setImm(insns, at + 1, order, hi);
  }
}
