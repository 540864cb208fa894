package io.github.core4j.reloc;

import io.github.core4j.btf.ext.CoreRelo;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one CO-RE relocation, decided as libbpf decides it.
 *
 * <p>Three outcomes: success with a value ({@link #values()} present, not poisoned); success with a
 * poisoned instruction (no target has the field or enumerator; libbpf loads the program anyway and
 * the verifier rejects it only if the instruction is reachable); or failure ({@link #failure()}
 * present: libbpf refuses to load the object).
 *
 * @param relo the relocation record
 * @param kind its kind
 * @param localSpec the spec in the object's BTF; empty when the access string could not be parsed
 *     or the local type does not exist
 * @param targetSpec the spec in the first matching candidate; empty when no candidate matched, for
 *     {@code local_type_id}, or on failure
 * @param target the matching candidate (BTF and type id), when there is one
 * @param values what to patch; empty on failure
 * @param candidates every candidate tried, in order
 * @param failure why libbpf would refuse the relocation
 */
public record RelocationResult(
    CoreRelo relo,
    RelocationKind kind,
    Optional<AccessSpec> localSpec,
    Optional<AccessSpec> targetSpec,
    Optional<CandidateAttempt> target,
    Optional<RelocationValues> values,
    List<CandidateAttempt> candidates,
    Optional<RelocationException> failure) {

  /** Copies the candidate list so the record stays immutable. */
  public RelocationResult {
    candidates = List.copyOf(candidates);
  }

  /** Whether libbpf would accept the relocation (possibly poisoning the instruction). */
  public boolean succeeded() {
    return failure.isEmpty();
  }

  /** Whether the instruction is poisoned (always false on failure). */
  public boolean poisoned() {
    return values.map(RelocationValues::poisoned).orElse(false);
  }

  /** The local value ({@code orig_val}); 0 on failure. */
  public long oldValue() {
    return values.map(RelocationValues::oldValue).orElse(0L);
  }

  /** The target value ({@code new_val}); 0 when poisoned or on failure. */
  public long newValue() {
    return values.map(RelocationValues::newValue).orElse(0L);
  }

  /** The values, or the failure as an exception. */
  public RelocationValues orThrow() {
    if (failure.isPresent()) {
      throw failure.get();
    }
    return values.orElseThrow();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(kind.shortName()).append(' ');
    b.append(
        localSpec
            .map(AccessSpec::describe)
            .orElse("type " + relo.typeId() + " + '" + relo.accessStr() + "'"));
    if (failure.isPresent()) {
      return b.append(": failed: ").append(failure.get().getMessage()).toString();
    }
    b.append(" -> ").append(targetSpec.map(AccessSpec::describe).orElse("(no target)"));
    RelocationValues v = values.orElseThrow();
    if (v.poisoned()) {
      return b.append(": poisoned").toString();
    }
    return b.append(": ")
        .append(Long.toUnsignedString(v.oldValue()))
        .append(" -> ")
        .append(Long.toUnsignedString(v.newValue()))
        .toString();
  }
}
