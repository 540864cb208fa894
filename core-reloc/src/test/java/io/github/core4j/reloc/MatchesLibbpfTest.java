package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CO-RE relocation of every test object against every test kernel: libbpf 1.1's decision
 * (from its debug log, {@code testdata/reloc/expected}) is core4j's decision — kind, local spec,
 * every candidate tried and whether it matched, target spec, new value, poison, failure.
 *
 * <p>libbpf ran on x86-64, so bitfield shifts are computed for a little-endian machine even when
 * the kernel BTF is big-endian.
 */
class MatchesLibbpfTest {
  static final AtomicInteger RELOCATIONS = new AtomicInteger();
  static final AtomicInteger PAIRS = new AtomicInteger();

  static List<Testdata.OracleCase> cases() {
    return Testdata.oracleCases();
  }

  /** Relocates every record of {@code obj} in libbpf's order; key "section#index". */
  static Map<String, RelocationResult> relocateAll(Testdata.TestObject obj, Targets targets) {
    Relocator relocator = new Relocator(obj.btf(), targets);
    Map<String, RelocationResult> results = new HashMap<>();
    for (BtfExtSection<CoreRelo> s : obj.ext().coreRelos().sections()) {
      for (int i = 0; i < s.records().size(); i++) {
        results.put(s.name() + "#" + i, relocator.relocate(s.records().get(i)));
      }
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameDecisionsAsLibbpf(Testdata.OracleCase c) {
    Testdata.TestObject obj = Testdata.TestObject.load(c.object(), "bpfel");
    Targets targets =
        Targets.of(Testdata.kernel(c.kernel())).withByteOrder(ByteOrder.LITTLE_ENDIAN);
    Map<String, RelocationResult> ours = relocateAll(obj, targets);
    List<LibbpfAnswer> answers = LibbpfAnswer.read(Testdata.root().resolve(c.expected()));
    assertFalse(answers.isEmpty(), "libbpf logged no relocation for " + c);

    List<String> problems = new ArrayList<>();
    for (LibbpfAnswer a : answers) {
      RelocationResult r = ours.get(a.section() + "#" + a.index());
      if (r == null) {
        problems.add(a + ": core4j has no such relocation");
        continue;
      }
      compare(a, r, problems);
    }
    RELOCATIONS.addAndGet(answers.size());
    PAIRS.incrementAndGet();
    assertTrue(problems.isEmpty(), () -> c + ":\n  " + String.join("\n  ", problems));
  }

  /** Adds a line to {@code problems} for every way {@code ours} differs from libbpf's answer. */
  static void compare(LibbpfAnswer a, RelocationResult ours, List<String> problems) {
    List<String> p = new ArrayList<>();
    check(p, "kind", a.kind(), ours.kind().shortName());
    check(
        p,
        "local spec",
        a.localSpec(),
        ours.localSpec().map(s -> LibbpfAnswer.truncated(s.format())).orElse("(none)"));
    compareCandidates(a, ours, p);
    if (a.failed()) {
      if (ours.succeeded()) {
        p.add("libbpf fails (" + a.detail() + ") but core4j succeeds: " + ours);
      } else {
        RelocationException e = ours.failure().orElseThrow();
        check(p, "errno", Integer.toString(a.errno()), Integer.toString(e.code().errno()));
        for (String phrase :
            List.of(
                "field offset ambiguity",
                "relocation decision ambiguity",
                "can't be applied to array access",
                "can't be satisfied for bitfield",
                "parsing")) {
          if (a.detail().contains(phrase)
              && !e.getMessage()
                  .contains(phrase.replace("can't be satisfied for bitfield", "can't be read"))) {
            p.add("libbpf says '" + phrase + "', core4j says: " + e.getMessage());
          }
        }
      }
    } else if (!ours.succeeded()) {
      p.add(
          "libbpf succeeds ("
              + a.outcome()
              + ") but core4j fails: "
              + ours.failure().get().getMessage());
    } else {
      RelocationValues v = ours.values().orElseThrow();
      check(
          p,
          "target spec",
          a.targetSpec(),
          ours.targetSpec().map(s -> LibbpfAnswer.truncated(s.format())).orElse("-"));
      if (a.memSizePoisoned()) {
        if (!v.failMemSizeAdjust() || v.poisoned()) {
          p.add("libbpf poisons the load for its size change; core4j: " + v);
        }
      } else if (a.poisoned()) {
        if (!v.poisoned()) {
          p.add("libbpf poisons; core4j patches " + v);
        }
      } else {
        if (v.poisoned()) {
          p.add("libbpf patches " + a.oldValue() + " -> " + a.newValue() + "; core4j poisons");
        }
        check(p, "new value", a.newValue(), Long.toUnsignedString(v.newValue()));
        if (v.validate()) {
          check(p, "old value", a.oldValue(), Long.toUnsignedString(v.oldValue()));
        }
        if (a.detail().contains("ldx") && v.failMemSizeAdjust()) {
          p.add("libbpf patched a load that core4j says can't change size: " + v);
        }
        int memSz = a.detail().indexOf("mem_sz ");
        if (memSz >= 0) {
          String[] sizes = a.detail().substring(memSz + 7).split("[- |>]+");
          check(p, "load size", sizes[0] + "->" + sizes[1], v.oldSize() + "->" + v.newSize());
        }
      }
    }
    for (String s : p) {
      problems.add(a + ": " + s);
    }
  }

  private static void compareCandidates(LibbpfAnswer a, RelocationResult ours, List<String> p) {
    List<CandidateAttempt> tried = ours.candidates();
    if (tried.size() != a.candidates().size()) {
      p.add(
          "libbpf tried "
              + a.candidates().size()
              + " candidates, core4j "
              + tried.size()
              + ": "
              + tried);
      return;
    }
    for (int i = 0; i < tried.size(); i++) {
      LibbpfAnswer.Candidate want = a.candidates().get(i);
      CandidateAttempt got = tried.get(i);
      check(
          p,
          "candidate #" + i + " index",
          Integer.toString(want.index()),
          Integer.toString(got.index()));
      check(
          p,
          "candidate #" + i + " matching",
          Boolean.toString(want.matching()),
          Boolean.toString(got.matched()));
      check(
          p, "candidate #" + i + " spec", want.spec(), LibbpfAnswer.truncated(got.spec().format()));
    }
  }

  private static void check(List<String> p, String what, String libbpf, String core4j) {
    if (!libbpf.equals(core4j)) {
      p.add(what + ": libbpf '" + libbpf + "', core4j '" + core4j + "'");
    }
  }

  @AfterAll
  static void report() {
    System.out.println(
        "MatchesLibbpfTest: compared "
            + RELOCATIONS.get()
            + " relocations with libbpf across "
            + PAIRS.get()
            + " object/kernel pairs");
  }
}
