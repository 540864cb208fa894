package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.write.BtfWriter;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Writes the marked types as new BTF, as bpftool's {@code btfgen_get_btf} does: kept types in
 * original id order (vmlinux's, then each module's own), each struct or union with only its kept
 * members — original names, bit offsets, bitfield sizes and the struct's size unchanged — and every
 * other kept type copied whole. References are renumbered; a reference to a type that was not kept
 * (what a pointer points to, when only the pointer was needed) becomes void.
 *
 * <p>Encoded like libbpf's {@code btf__add_*}: a fresh string section in order of first use, and a
 * struct's kind flag set only when a kept member is a bitfield — so the bytes are bpftool's.
 */
final class MinimalBtfBuilder {
  private MinimalBtfBuilder() {}

  static MinimizedBtf build(
      Targets targets,
      TypeMarker marker,
      ByteOrder order,
      int relocationCount,
      List<RelocationFailure> failures) {
    List<TargetBtf> sources = new ArrayList<>();
    sources.add(targets.vmlinux());
    sources.addAll(targets.modules());

    // first pass: new ids, in original order
    IdentityHashMap<TargetBtf, int[]> newIds = new IdentityHashMap<>();
    List<Integer> originalIds = new ArrayList<>();
    List<TargetBtf> originalSources = new ArrayList<>();
    originalIds.add(0);
    originalSources.add(targets.vmlinux());
    int next = 1;
    int originalCount = 1; // void
    for (TargetBtf s : sources) {
      int[] map = new int[s.btf().typeCount()];
      BitSet kept = marker.marksOf(s).keptTypes();
      for (int id = kept.nextSetBit(s.btf().firstId()); id >= 0; id = kept.nextSetBit(id + 1)) {
        map[id] = next++;
        originalIds.add(id);
        originalSources.add(s);
      }
      newIds.put(s, map);
      originalCount += s.btf().typeCount() - s.btf().firstId();
    }
    int[] vmlinuxIds = java.util.Objects.requireNonNull(newIds.get(targets.vmlinux()));

    // second pass: the types, renumbered
    List<BtfType> types = new ArrayList<>(next - 1);
    Map<Integer, int[]> memberIndices = new HashMap<>();
    for (int newId = 1; newId < next; newId++) {
      TargetBtf s = originalSources.get(newId);
      int id = originalIds.get(newId);
      int[] own = java.util.Objects.requireNonNull(newIds.get(s));
      int firstId = s.btf().firstId();
      IntUnaryOperator remap = ref -> ref < firstId ? vmlinuxIds[ref] : own[ref];
      BtfType t = s.types().type(id);
      if (t instanceof BtfComposite c) {
        BitSet keptMembers = marker.marksOf(s).keptMembers(id);
        List<BtfMember> members = new ArrayList<>();
        int[] indices = new int[keptMembers == null ? 0 : keptMembers.cardinality()];
        boolean bitfield = false;
        if (keptMembers != null) {
          for (int i = keptMembers.nextSetBit(0); i >= 0; i = keptMembers.nextSetBit(i + 1)) {
            BtfMember m = c.members().get(i);
            indices[members.size()] = i;
            members.add(m);
            bitfield |= m.isBitfield();
          }
        }
        members = IdRemapper.remapMembers(members, remap);
        memberIndices.put(newId, indices);
        t =
            c instanceof BtfStruct
                ? new BtfStruct(c.name(), c.size(), bitfield, members)
                : new BtfUnion(c.name(), c.size(), bitfield, members);
      } else {
        t = IdRemapper.remap(t, remap);
      }
      types.add(t);
    }

    byte[] bytes = BtfWriter.write(types, null, order);
    int[] ids = new int[originalIds.size()];
    String[] names = new String[originalIds.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = originalIds.get(i);
      names[i] = originalSources.get(i).name();
    }
    return new MinimizedBtf(
        bytes, order, ids, names, memberIndices, originalCount, relocationCount, failures);
  }
}
