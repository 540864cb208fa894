package io.github.core4j.reloc;

/**
 * The candidate target types of one local type (libbpf's {@code struct bpf_core_cand_list}). The
 * list is cached per local type id and shared by all its relocations; each relocation that matches
 * at least one candidate prunes the list to the candidates that matched, in place, exactly as
 * libbpf does — so a later relocation of the same type sees only those.
 */
final class CandidateList {
  final TargetBtf[] sources;
  final int[] ids;
  int length;

  CandidateList(TargetBtf[] sources, int[] ids, int length) {
    this.sources = sources;
    this.ids = ids;
    this.length = length;
  }

  /**
   * Copies candidate {@code from} over slot {@code to} (libbpf's {@code cands[j++] = cands[i]}).
   */
  void move(int from, int to) {
    sources[to] = sources[from];
    ids[to] = ids[from];
  }
}
