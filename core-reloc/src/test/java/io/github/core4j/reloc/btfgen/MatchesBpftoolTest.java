package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * core4j's btfgen writes what {@code bpftool gen min_core_btf} writes: for every test object
 * against every little-endian test kernel, and for all objects at once, the same bytes as bpftool
 * v7.1 — so the same types, the same members, no byte more. Compared with bpftool's outputs
 * committed in {@code testdata/btfgen/expected} ({@code generate.sh} regenerates them) and with
 * bpftool run live.
 *
 * <p>Where bpftool refuses an object because a relocation fails against the kernel (the {@code
 * err_*} objects), core4j still writes BTF and reports the failing relocations.
 */
class MatchesBpftoolTest {
  static final AtomicInteger IDENTICAL = new AtomicInteger();
  static final AtomicLong OURS = new AtomicLong();
  static final AtomicLong BPFTOOLS = new AtomicLong();

  /** One line of {@code testdata/btfgen/manifest.tsv}. */
  record Case(String object, String kernel, String expected) {
    boolean refusedByBpftool() {
      return expected.startsWith("fails: ");
    }

    List<Fixtures.TestObject> testObjects() {
      if (!object.equals("all")) {
        return List.of(Fixtures.object(object));
      }
      List<Fixtures.TestObject> all = new ArrayList<>();
      for (Case c : cases()) {
        if (c.kernel.equals(kernel) && !c.object.equals("all") && !c.refusedByBpftool()) {
          all.add(Fixtures.object(c.object));
        }
      }
      return all;
    }

    List<ObjectBtf> objects() {
      return testObjects().stream().map(Fixtures.TestObject::load).toList();
    }

    List<Path> objectFiles(Path tmp) {
      return testObjects().stream().map(o -> Fixtures.plain(o.file(), tmp)).toList();
    }

    @Override
    public String toString() {
      return object + " on " + kernel;
    }
  }

  static List<Case> cases() {
    try {
      List<Case> cases = new ArrayList<>();
      for (String line : Files.readAllLines(Fixtures.testdata().resolve("btfgen/manifest.tsv"))) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split("\t", -1);
          cases.add(new Case(f[0], f[1], f[2]));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameBytesAsBpftoolsCommittedOutput(Case c) throws IOException {
    MinimizedBtf ours = Btfgen.minimize(Fixtures.targets(c.kernel()), c.objects());
    if (c.refusedByBpftool()) {
      assertFalse(
          ours.failures().isEmpty(), c + ": bpftool refuses the object, so a relocation fails");
      for (String phrase :
          List.of(
              "field offset ambiguity",
              "relocation decision ambiguity",
              "can't be applied to array access")) {
        if (c.expected().contains(phrase)) {
          assertTrue(
              ours.failures().toString().contains(phrase),
              c + ": bpftool says '" + c.expected() + "', core4j " + ours.failures());
        }
      }
      ours.btf(); // still valid BTF
      return;
    }
    byte[] bpftool = Files.readAllBytes(Fixtures.testdata().resolve(c.expected()));
    compare(c.toString(), bpftool, ours);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameBytesAsBpftoolRunNow(Case c, @TempDir Path tmp) throws IOException {
    Oracle.require("bpftool");
    if (c.refusedByBpftool()) {
      return;
    }
    Path kernel = Fixtures.plain(Fixtures.kernelFile(c.kernel()), tmp);
    Path out = tmp.resolve("min.btf");
    List<String> cmd = new ArrayList<>(List.of("bpftool", "gen", "min_core_btf"));
    cmd.add(kernel.toString());
    cmd.add(out.toString());
    for (Path o : c.objectFiles(tmp)) {
      cmd.add(o.toString());
    }
    Oracle.runText(cmd);
    byte[] live = Files.readAllBytes(out);
    assertArrayEquals(
        Files.readAllBytes(Fixtures.testdata().resolve(c.expected())),
        live,
        c + ": bpftool's output changed; rerun testdata/btfgen/generate.sh");
    compare(c + " (live)", live, Btfgen.minimize(Fixtures.targets(c.kernel()), c.objects()));
  }

  private static void compare(String what, byte[] bpftool, MinimizedBtf ours) {
    Btf theirs = Btf.parse(bpftool, "bpftool " + what).validate();
    assertEquals(
        TypeSummary.namedTypesAndMembers(theirs),
        TypeSummary.namedTypesAndMembers(ours.btf()),
        what + ": named types and members");
    assertEquals(
        TypeSummary.of(theirs), TypeSummary.of(ours.btf()), what + ": every type, by content");
    assertTrue(
        ours.size() <= bpftool.length,
        what + ": ours is " + ours.size() + " bytes, bpftool's " + bpftool.length);
    assertArrayEquals(bpftool, ours.bytes(), what + ": the same bytes");
    IDENTICAL.incrementAndGet();
    OURS.addAndGet(ours.size());
    BPFTOOLS.addAndGet(bpftool.length);
  }

  @AfterAll
  static void report() {
    System.out.println(
        "MatchesBpftoolTest: "
            + IDENTICAL.get()
            + " minimized BTFs byte-identical to bpftool's ("
            + OURS.get()
            + " bytes ours, "
            + BPFTOOLS.get()
            + " bpftool's)");
  }
}
