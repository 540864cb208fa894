package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.reloc.RelocationResult;
import io.github.core4j.reloc.RelocationValues;
import io.github.core4j.reloc.Relocator;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The point of btfgen: relocating an object against its minimized BTF decides exactly what
 * relocating against the full kernel BTF decides — for every relocation of every test object
 * against every test kernel, the same kind, outcome (patched, poisoned, failed and why), new value
 * and load sizes, and the same target spec (printed as libbpf prints it, with the minimized BTF's
 * type ids and member indices mapped back to the kernel's). {@code target_type_id} answers ids of
 * the BTF it ran against, so its value is compared mapped back too.
 *
 * <p>Checked for each object minimized on its own and for all objects minimized together (one BTF
 * serving all of them, as a project ships it).
 */
class RelocatesLikeFullBtfTest {
  static final AtomicInteger RELOCATIONS = new AtomicInteger();
  static final AtomicInteger FAILING = new AtomicInteger();

  static Stream<Arguments> objectsAndKernels() {
    List<Arguments> out = new ArrayList<>();
    for (String k : Fixtures.KERNELS) {
      for (Fixtures.TestObject o : Fixtures.objects()) {
        out.add(Arguments.of(o, k));
      }
    }
    return out.stream();
  }

  static List<String> kernels() {
    return Fixtures.KERNELS;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("objectsAndKernels")
  void sameDecisionsAsTheFullBtf(Fixtures.TestObject object, String kernel) {
    ObjectBtf obj = object.load();
    Targets full = Fixtures.targets(kernel);
    MinimizedBtf min = Btfgen.minimize(full, List.of(obj));
    assertSameDecisions(obj, full, min);
  }

  @ParameterizedTest(name = "all objects on {0}")
  @MethodSource("kernels")
  void sameDecisionsWithOneBtfForAllObjects(String kernel) {
    List<ObjectBtf> all = Fixtures.objects().stream().map(Fixtures.TestObject::load).toList();
    Targets full = Fixtures.targets(kernel);
    MinimizedBtf min = Btfgen.minimize(full, all);
    for (ObjectBtf obj : all) {
      assertSameDecisions(obj, full, min);
    }
  }

  static void assertSameDecisions(ObjectBtf obj, Targets full, MinimizedBtf min) {
    Targets minTargets = Targets.of(TargetBtf.of("vmlinux", min.btf()));
    List<Relocator.SectionResults> want =
        new Relocator(obj.types(), full).relocateAll(obj.relocations());
    List<Relocator.SectionResults> got =
        new Relocator(obj.types(), minTargets).relocateAll(obj.relocations());
    Translation tr = new Translation(min);
    List<String> problems = new ArrayList<>();
    int n = 0;
    long failing = 0;
    for (int s = 0; s < want.size(); s++) {
      for (int i = 0; i < want.get(s).results().size(); i++) {
        RelocationResult w = want.get(s).results().get(i);
        RelocationResult g = got.get(s).results().get(i);
        String where = obj.name() + " " + want.get(s).section() + " relo #" + i + ": ";
        for (String p : differences(w, g, tr)) {
          problems.add(where + p);
        }
        n++;
        failing += w.succeeded() ? 0 : 1;
      }
    }
    assertEquals(
        failing,
        min.failures().stream().filter(f -> f.object().equals(obj.name())).count(),
        "failures reported " + min.failures());
    RELOCATIONS.addAndGet(n);
    FAILING.addAndGet((int) failing);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  /**
   * How {@code min} (against the minimized BTF) differs from {@code full}; empty when it doesn't.
   */
  static List<String> differences(RelocationResult full, RelocationResult min, Translation tr) {
    List<String> p = new ArrayList<>();
    check(p, "kind", full.kind(), min.kind());
    check(p, "succeeded", full.succeeded(), min.succeeded());
    if (!full.succeeded() || !min.succeeded()) {
      if (full.failure().isPresent() && min.failure().isPresent()) {
        check(p, "errno", full.failure().get().code(), min.failure().get().code());
        check(p, "reason", reason(full), reason(min));
      }
      return p;
    }
    check(
        p,
        "target spec",
        full.targetSpec().map(s -> s.format()).orElse("-"),
        min.targetSpec().map(tr::format).orElse("-"));
    RelocationValues f = full.values().orElseThrow();
    RelocationValues m = min.values().orElseThrow();
    check(p, "poisoned", f.poisoned(), m.poisoned());
    check(p, "new value", f.newValue(), tr.value(full.kind(), m.newValue()));
    check(p, "old value", f.oldValue(), m.oldValue());
    check(p, "validate", f.validate(), m.validate());
    check(p, "mem size poison", f.failMemSizeAdjust(), m.failMemSizeAdjust());
    check(p, "load size", f.oldSize() + "->" + f.newSize(), m.oldSize() + "->" + m.newSize());
    check(p, "target field type", f.newTypeId(), m.newTypeId() == 0 ? 0 : tr.typeId(m.newTypeId()));
    return p;
  }

  /** The kind of failure: the message up to the first type or field it names. */
  private static String reason(RelocationResult r) {
    String m = String.valueOf(r.failure().orElseThrow().getMessage());
    int cut = m.length();
    for (String stop : new String[] {" for ", ":", "["}) {
      int at = m.indexOf(stop);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return m.substring(0, cut);
  }

  private static void check(List<String> p, String what, Object full, Object min) {
    if (!full.equals(min)) {
      p.add(what + ": full BTF '" + full + "', minimized '" + min + "'");
    }
  }

  @AfterAll
  static void report() {
    System.out.println(
        "RelocatesLikeFullBtfTest: "
            + RELOCATIONS.get()
            + " relocations decided alike against full and minimized BTF ("
            + FAILING.get()
            + " of them failing alike)");
  }
}
