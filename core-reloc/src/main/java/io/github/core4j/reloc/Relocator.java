package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExtInfo;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The CO-RE relocation engine for one BPF object against one set of {@link Targets}: given a
 * relocation record from the object's {@code .BTF.ext}, decides what libbpf decides — the local and
 * target specs, the old and new values, whether the instruction is poisoned, or why the relocation
 * fails.
 *
 * <p>The algorithm is libbpf's {@code bpf_core_resolve_relo} / {@code bpf_core_calc_relo_insn}:
 *
 * <ol>
 *   <li>find the candidate target types of the relocation's local type ({@link CandidateFinder}),
 *       once per local type id;
 *   <li>parse the access string into the local spec ({@link SpecParser});
 *   <li>match the local spec against each candidate ({@link SpecMatcher}) and compute the values
 *       for each match ({@link ValueCalculator}); all matches must agree on the bit offset and the
 *       new value, otherwise the relocation is ambiguous and fails;
 *   <li>prune the cached candidate list to the matches; with no match, compute the "not found"
 *       values: 0 for existence checks and type relocations, a poisoned instruction otherwise.
 * </ol>
 *
 * <p>Because of step 4 a relocator remembers: relocating the same record twice, or records in
 * another order than libbpf's (sections in {@code .BTF.ext} order, records in section order) can
 * give other answers when a local type has several candidates. Use one relocator per object and
 * load; not thread-safe ({@link TargetBtf} and {@link BtfTypes} may be shared across threads).
 */
public final class Relocator {
  private final BtfTypes local;
  private final Targets targets;
  private final Map<Integer, CandidateList> candidates = new HashMap<>();

  /** A relocator for the object whose BTF is {@code local}. */
  public Relocator(Btf local, Targets targets) {
    this(BtfTypes.ofObject(local), targets);
  }

  /** A relocator reusing already built helpers over the object's BTF. */
  public Relocator(BtfTypes local, Targets targets) {
    this.local = local;
    this.targets = targets;
  }

  /** Relocates one record with no candidate cache shared with any other relocation. */
  public static RelocationResult relocateOne(Btf local, CoreRelo relo, Targets targets) {
    return new Relocator(local, targets).relocate(relo);
  }

  /** The object's BTF helpers. */
  public BtfTypes local() {
    return local;
  }

  /** The targets. */
  public Targets targets() {
    return targets;
  }

  /** One section's relocation results, in record order (result {@code i} is libbpf's relo #i). */
  public record SectionResults(String section, List<RelocationResult> results) {
    /** Copies the result list so the record stays immutable. */
    public SectionResults {
      results = List.copyOf(results);
    }
  }

  /**
   * Relocates every record of an object's {@code .BTF.ext}, in libbpf's order. Unlike libbpf, which
   * stops at the first failure, every relocation gets a result.
   */
  public List<SectionResults> relocateAll(BtfExtInfo<CoreRelo> relos) {
    List<SectionResults> out = new ArrayList<>();
    for (BtfExtSection<CoreRelo> s : relos.sections()) {
      List<RelocationResult> results = new ArrayList<>(s.records().size());
      for (CoreRelo r : s.records()) {
        results.add(relocate(r));
      }
      out.add(new SectionResults(s.name(), results));
    }
    return out;
  }

  /** Relocates {@code relo}, using and updating the candidate cache. */
  public RelocationResult relocate(CoreRelo relo) {
    RelocationKind kind = RelocationKind.ofValue(relo.kind());
    int localId = relo.typeId();
    if (!local.exists(localId)) {
      return failed(
          relo,
          kind,
          null,
          List.of(),
          new RelocationException(
              ErrorCode.EINVAL,
              "local type id "
                  + Integer.toUnsignedString(localId)
                  + " does not exist in "
                  + local.btf().source()
                  + " (ids 0.."
                  + (local.btf().typeCount() - 1)
                  + ")"));
    }

    CandidateList cands = null;
    if (kind != RelocationKind.TYPE_ID_LOCAL) {
      cands = candidates.get(localId);
      if (cands == null) {
        try {
          cands = CandidateFinder.find(local, localId, targets);
        } catch (RelocationException e) {
          return failed(relo, kind, null, List.of(), e);
        }
        candidates.put(localId, cands);
      }
    }

    AccessSpec localSpec;
    try {
      localSpec = SpecParser.parse(local, relo, kind);
    } catch (RelocationException e) {
      return failed(
          relo,
          kind,
          null,
          List.of(),
          new RelocationException(
              ErrorCode.EINVAL,
              "parsing "
                  + local.describe(localId)
                  + " + "
                  + relo.accessStr()
                  + " failed: "
                  + e.getMessage()));
    }

    if (kind == RelocationKind.TYPE_ID_LOCAL) {
      long id = Integer.toUnsignedLong(localSpec.rootTypeId());
      return new RelocationResult(
          relo,
          kind,
          Optional.of(localSpec),
          Optional.empty(),
          Optional.empty(),
          Optional.of(new RelocationValues(id, id, false, false, false, 0, 0, 0, 0)),
          List.of(),
          Optional.empty());
    }

    CandidateList found = java.util.Objects.requireNonNull(cands);
    List<CandidateAttempt> attempts = new ArrayList<>(found.length);
    AccessSpec targetSpec = null;
    CandidateAttempt target = null;
    RelocationValues targetValues = null;
    int matched = 0;
    for (int i = 0; i < found.length; i++) {
      TargetBtf source = found.sources[i];
      SpecBuilder builder = new SpecBuilder(source.types()).reset(found.ids[i], kind);
      boolean isMatch;
      try {
        isMatch = SpecMatcher.match(localSpec, builder);
      } catch (RelocationException e) {
        return failed(
            relo,
            kind,
            localSpec,
            attempts,
            new RelocationException(
                e.code(),
                "error matching candidate #"
                    + i
                    + " "
                    + builder.freeze().describe()
                    + " for "
                    + localSpec.describe()
                    + ": "
                    + e.getMessage()));
      }
      AccessSpec candSpec = builder.freeze();
      CandidateAttempt attempt = new CandidateAttempt(i, source, found.ids[i], isMatch, candSpec);
      attempts.add(attempt);
      if (!isMatch) {
        continue;
      }
      RelocationValues values;
      try {
        values = ValueCalculator.calculate(localSpec, candSpec, targets.byteOrder());
      } catch (RelocationException e) {
        return failed(relo, kind, localSpec, attempts, e);
      }
      if (matched == 0) {
        targetValues = values;
        targetSpec = candSpec;
        target = attempt;
      } else if (candSpec.bitOffset() != java.util.Objects.requireNonNull(targetSpec).bitOffset()) {
        return failed(
            relo,
            kind,
            localSpec,
            attempts,
            new RelocationException(
                ErrorCode.EINVAL,
                "field offset ambiguity for "
                    + localSpec.describe()
                    + ": candidate "
                    + candSpec.describe()
                    + " is at bit "
                    + candSpec.bitOffset()
                    + ", candidate "
                    + targetSpec.describe()
                    + " at bit "
                    + targetSpec.bitOffset()));
      } else if (values.poisoned() != java.util.Objects.requireNonNull(targetValues).poisoned()
          || values.newValue() != targetValues.newValue()) {
        return failed(
            relo,
            kind,
            localSpec,
            attempts,
            new RelocationException(
                ErrorCode.EINVAL,
                "relocation decision ambiguity for "
                    + localSpec.describe()
                    + ": candidate "
                    + candSpec.describe()
                    + " gives "
                    + decision(values)
                    + ", candidate "
                    + targetSpec.describe()
                    + " gives "
                    + decision(targetValues)));
      }
      found.move(i, matched++);
    }
    if (matched > 0) {
      found.length = matched;
    } else {
      try {
        targetValues = ValueCalculator.calculate(localSpec, null, targets.byteOrder());
      } catch (RelocationException e) {
        return failed(relo, kind, localSpec, attempts, e);
      }
    }
    return new RelocationResult(
        relo,
        kind,
        Optional.of(localSpec),
        Optional.ofNullable(targetSpec),
        Optional.ofNullable(target),
        Optional.of(java.util.Objects.requireNonNull(targetValues)),
        attempts,
        Optional.empty());
  }

  private static String decision(RelocationValues v) {
    return v.poisoned() ? "failure" : "success " + Long.toUnsignedString(v.newValue());
  }

  private static RelocationResult failed(
      CoreRelo relo,
      RelocationKind kind,
      @Nullable AccessSpec localSpec,
      List<CandidateAttempt> attempts,
      RelocationException failure) {
    return new RelocationResult(
        relo,
        kind,
        Optional.ofNullable(localSpec),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        attempts,
        Optional.of(failure));
  }
}
