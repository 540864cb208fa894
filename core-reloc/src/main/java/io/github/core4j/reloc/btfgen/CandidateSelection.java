package io.github.core4j.reloc.btfgen;

import io.github.core4j.reloc.CandidateAttempt;
import io.github.core4j.reloc.RelocationKind;
import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.TargetBtf;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which candidates' specs to keep for one object's relocations, so that relocating against
 * the minimized BTF decides exactly what relocating against the full BTF decides.
 *
 * <p>bpftool keeps the spec of the first matching candidate of each relocation (its target). That
 * is enough when a local type has one matching candidate, the usual case, and then this selection
 * is the same. Kernels do carry several types of one name, though, and then libbpf's engine — and
 * core4j's — remembers across relocations: the candidate list of a local type is pruned to the
 * candidates that matched each relocation of that type. A candidate that a later relocation targets
 * must survive the earlier prunings in the minimized BTF too, so it keeps the specs of every
 * earlier relocation it matched, not only of the ones it was the target of. And a relocation that
 * fails (two candidates disagree on the offset or the value, or the value can't be computed) keeps
 * every candidate it matched, so that it fails the same way; bpftool gives up on such objects.
 *
 * <p>So, per local type: the <em>used</em> candidates are the targets of its successful relocations
 * and every matched candidate of its failed ones; each relocation keeps its spec in each used
 * candidate it matched.
 */
final class CandidateSelection {
  private CandidateSelection() {}

  /** One candidate of one relocation whose spec must be kept. */
  record Selected(RelocationKind kind, CandidateAttempt candidate) {}

  private record Key(TargetBtf source, int typeId) {
    static Key of(CandidateAttempt a) {
      return new Key(a.source(), a.typeId());
    }
  }

  /**
   * The candidates to keep for {@code results}, one object's relocations in the relocator's order
   * (which is libbpf's).
   */
  static List<Selected> select(List<RelocationResult> results) {
    Map<Integer, Set<Key>> used = new HashMap<>();
    for (RelocationResult r : results) {
      if (r.kind() == RelocationKind.TYPE_ID_LOCAL) {
        continue;
      }
      Set<Key> keys = used.computeIfAbsent(r.relo().typeId(), k -> new HashSet<>());
      if (r.succeeded()) {
        r.target().ifPresent(t -> keys.add(Key.of(t)));
      } else {
        for (CandidateAttempt a : r.candidates()) {
          if (a.matched()) {
            keys.add(Key.of(a));
          }
        }
      }
    }
    List<Selected> out = new java.util.ArrayList<>();
    IdentityHashMap<CandidateAttempt, Boolean> seen = new IdentityHashMap<>();
    for (RelocationResult r : results) {
      Set<Key> keys = used.get(r.relo().typeId());
      if (keys == null || keys.isEmpty() || r.kind() == RelocationKind.TYPE_ID_LOCAL) {
        continue;
      }
      for (CandidateAttempt a : r.candidates()) {
        if (a.matched() && keys.contains(Key.of(a)) && seen.put(a, Boolean.TRUE) == null) {
          out.add(new Selected(r.kind(), a));
        }
      }
    }
    return out;
  }
}
