package io.github.core4j.reloc;

import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.EssentialName;
import java.util.Arrays;

/**
 * Finds the target types a local type may correspond to (libbpf's {@code bpf_core_find_cands} and
 * {@code bpf_core_add_cands}): every named type whose essential name (the name without a {@code
 * ___flavor} suffix) equals the local type's, whose kind is the local type's (ENUM and ENUM64
 * counting as one), in type id order — in vmlinux, and only if vmlinux has none, in each module's
 * own types.
 */
final class CandidateFinder {
  private CandidateFinder() {}

  /**
   * @throws RelocationException EINVAL when the local type is anonymous: candidates are found by
   *     name
   */
  static CandidateList find(BtfTypes local, int localId, Targets targets) {
    String name = local.name(localId);
    if (name.isEmpty()) {
      throw new RelocationException(
          ErrorCode.EINVAL,
          "target candidate search failed for "
              + local.describe(localId)
              + ": CO-RE finds target types by name and this local type has none");
    }
    String essential = EssentialName.of(name);
    BtfKind kind = local.kind(localId);
    Builder b = new Builder();
    b.add(targets.vmlinux(), essential, kind, 1);
    if (b.length == 0) {
      for (TargetBtf module : targets.modules()) {
        b.add(module, essential, kind, module.btf().firstId());
      }
    }
    return new CandidateList(b.sources, b.ids, b.length);
  }

  private static final class Builder {
    TargetBtf[] sources = new TargetBtf[4];
    int[] ids = new int[4];
    int length;

    void add(TargetBtf target, String essential, BtfKind kind, int startId) {
      for (int id : target.types().idsByEssentialName(essential, kind)) {
        if (id < startId || !BtfTypes.kindsCompatible(target.types().kind(id), kind)) {
          continue;
        }
        if (length == ids.length) {
          ids = Arrays.copyOf(ids, length * 2);
          sources = Arrays.copyOf(sources, length * 2);
        }
        sources[length] = target;
        ids[length] = id;
        length++;
      }
    }
  }
}
