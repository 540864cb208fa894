package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The big-endian (bpfeb) test objects against every test kernel: libbpf 1.1 cannot open them, so
 * its relocation engine was run directly on their BTF and {@code .BTF.ext} records ({@code
 * oracle/relo_calc}, {@code expected/<object>/<kernel>.bpfeb.txt}). Every relocation, including
 * those after a failing one, is compared: specs, candidates, all values, poison, failure.
 */
class BigEndianObjectsTest {
  static final AtomicInteger RELOCATIONS = new AtomicInteger();

  static List<Testdata.OracleCase> cases() {
    return Testdata.oracleCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameDecisionsAsLibbpf(Testdata.OracleCase c) {
    Testdata.TestObject obj = Testdata.TestObject.load(c.object(), "bpfeb");
    assertEquals(ByteOrder.BIG_ENDIAN, obj.btf().byteOrder());
    Targets targets =
        Targets.of(Testdata.kernel(c.kernel())).withByteOrder(ByteOrder.LITTLE_ENDIAN);
    Map<String, RelocationResult> ours = MatchesLibbpfTest.relocateAll(obj, targets);
    Map<String, CalcAnswer> answers =
        CalcAnswer.read(
            Testdata.reloc()
                .resolve("expected")
                .resolve(c.object())
                .resolve(c.kernelName() + ".bpfeb.txt"));
    assertEquals(ours.keySet(), answers.keySet());
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, CalcAnswer> a : answers.entrySet()) {
      for (String d : a.getValue().differences(ours.get(a.getKey()))) {
        problems.add(a.getKey() + ": " + d);
      }
    }
    RELOCATIONS.addAndGet(answers.size());
    assertTrue(problems.isEmpty(), () -> c + " (bpfeb):\n  " + String.join("\n  ", problems));
  }

  @AfterAll
  static void report() {
    System.out.println(
        "BigEndianObjectsTest: compared " + RELOCATIONS.get() + " bpfeb relocations with libbpf");
  }
}
