package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.dump.RawDump;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every BTF in testdata: our raw dump is byte for byte what bpftool v7.1 printed for it. */
class RawDumpMatchesBpftoolTest {
  static java.util.List<Testdata.BtfCase> cases() {
    return Testdata.btfCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rawDumpEqualsBpftool(Testdata.BtfCase c) {
    Btf btf = c.parse();
    StringBuilder ours = new StringBuilder();
    RawDump.write(btf, ours);
    String expected = c.expectedDump();
    if (!expected.contentEquals(ours)) {
      String[] e = expected.split("\n", -1);
      String[] o = ours.toString().split("\n", -1);
      for (int i = 0; i < Math.min(e.length, o.length); i++) {
        assertEquals(e[i], o[i], "first difference at line " + (i + 1) + " of " + c);
      }
      assertEquals(e.length, o.length, "line count of " + c);
    }
  }
}
