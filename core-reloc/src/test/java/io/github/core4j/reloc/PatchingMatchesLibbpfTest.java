package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.reloc.patch.InsnPatcher;
import io.github.core4j.reloc.patch.Patch;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Relocating and then patching the real instructions of each test object (its code sections, from
 * {@code obj/<object>.bpfel.code.tsv}) does what libbpf's load did: the same instruction form, the
 * value the compiler had put there (libbpf checks it; so does core4j), the new value, size changes
 * and poisoned instructions, as logged in {@code expected/<object>/<kernel>.txt}.
 */
class PatchingMatchesLibbpfTest {
  static List<Testdata.OracleCase> cases() {
    return Testdata.oracleCases();
  }

  static Map<String, byte[]> code(String object, String arch) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    for (String line :
        Files.readAllLines(Testdata.reloc().resolve("obj/" + object + "." + arch + ".code.tsv"))) {
      String[] f = line.split("\t");
      out.put(f[0], HexFormat.of().parseHex(f[1]));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void samePatchesAsLibbpf(Testdata.OracleCase c) throws IOException {
    Testdata.TestObject obj = Testdata.TestObject.load(c.object(), "bpfel");
    Map<String, byte[]> code = code(c.object(), "bpfel");
    Relocator relocator =
        new Relocator(
            obj.btf(),
            Targets.of(Testdata.kernel(c.kernel())).withByteOrder(ByteOrder.LITTLE_ENDIAN));
    Map<String, RelocationResult> results = new HashMap<>();
    for (BtfExtSection<CoreRelo> s : obj.ext().coreRelos().sections()) {
      for (int i = 0; i < s.records().size(); i++) {
        results.put(s.name() + "#" + i, relocator.relocate(s.records().get(i)));
      }
    }
    List<String> problems = new ArrayList<>();
    for (LibbpfAnswer a : LibbpfAnswer.read(Testdata.root().resolve(c.expected()))) {
      if (a.failed()) {
        continue; // libbpf stopped before patching
      }
      RelocationResult r = results.get(a.section() + "#" + a.index());
      int insn = Integer.parseInt(a.sectionInsn());
      String ours;
      try {
        Patch p =
            InsnPatcher.patch(
                code.get(a.section()), insn, ByteOrder.LITTLE_ENDIAN, r.values().orElseThrow());
        ours = describe(p);
      } catch (RelocationException e) {
        ours = "refused: " + e.getMessage();
      }
      String libbpf = a.poisoned() ? "poison" : describe(a);
      if (!libbpf.equals(ours)) {
        problems.add(a + ": libbpf " + libbpf + ", core4j " + ours);
      }
    }
    assertTrue(problems.isEmpty(), () -> c + ":\n  " + String.join("\n  ", problems));
  }

  static String describe(Patch p) {
    switch (p.form()) {
      case POISON:
        return "poison";
      case ALU:
        return "alu "
            + Long.toUnsignedString(p.previous())
            + " -> "
            + Long.toUnsignedString(p.value());
      case LDIMM64:
        return "ldimm64 "
            + Long.toUnsignedString(p.previous())
            + " -> "
            + Long.toUnsignedString(p.value());
      default:
        return "ldx "
            + Long.toUnsignedString(p.previous())
            + " -> "
            + Long.toUnsignedString(p.value())
            + (p.resized() ? " | mem_sz " + p.oldSize() + "->" + p.newSize() : "");
    }
  }

  static String describe(LibbpfAnswer a) {
    String form = a.detail().split(" \\| ")[0];
    String memSz =
        a.detail().contains("mem_sz")
            ? " | " + a.detail().substring(a.detail().indexOf("mem_sz"))
            : "";
    return form + " " + a.oldValue() + " -> " + a.newValue() + memSz;
  }
}
