package io.github.core4j.reloc;

/**
 * One candidate target type a relocation was tried against, in libbpf's order: where it came from,
 * whether it matched, and the target spec as far as matching got (libbpf's {@code matching
 * candidate #N} / {@code non-matching candidate #N} log lines).
 */
public record CandidateAttempt(
    int index, TargetBtf source, int typeId, boolean matched, AccessSpec spec) {}
