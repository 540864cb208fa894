package io.github.core4j.btf.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.Testdata;
import io.github.core4j.btf.source.BtfFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code .BTF.ext} sections clang-16 wrote for {@code testdata/reloc}: both byte orders read,
 * the big-endian twin carries the same records, and the CO-RE relocation instruction offsets are
 * the ones libbpf logged ({@code sec_insn} in the expected files).
 */
class ObjectBtfExtTest {
  static Path obj() {
    return Testdata.root().resolve("reloc/obj");
  }

  static Stream<String> objects() throws IOException {
    try (Stream<Path> files = Files.list(obj())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".bpfel.btf.ext"))
          .map(n -> n.substring(0, n.length() - ".bpfel.btf.ext".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  static BtfExt read(String name, String arch) {
    Btf btf = BtfFiles.read(obj().resolve(name + "." + arch + ".btf.xz"));
    Path ext = obj().resolve(name + "." + arch + ".btf.ext");
    try {
      return BtfExt.parse(Files.readAllBytes(ext), btf, ext.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void bigEndianTwinHasTheSameRecords(String name) {
    BtfExt el = read(name, "bpfel");
    BtfExt eb = read(name, "bpfeb");
    assertEquals(ByteOrder.LITTLE_ENDIAN, el.byteOrder());
    assertEquals(ByteOrder.BIG_ENDIAN, eb.byteOrder());
    assertFalse(el.coreRelos().sections().isEmpty());
    assertTrue(el.lineInfo().recordCount() > 0);
    assertTrue(
        el.lineInfo().sections().get(0).records().stream()
            .anyMatch(l -> l.fileName().endsWith(name + ".bpf.c") && !l.lineText().isEmpty()),
        "file names and source lines resolve");
    // Relocation records: the same (type, access string, kind) triples. Bitfield reads differ in
    // code between the byte orders (big-endian reads need byte_sz twice), so compare the sets.
    assertEquals(keys(el.coreRelos()), keys(eb.coreRelos()));
    if (!name.equals("bitfields")) {
      assertEquals(el.header(), eb.header());
      assertEquals(el.funcInfo(), eb.funcInfo());
    }
  }

  private static Set<String> keys(BtfExtInfo<CoreRelo> info) {
    Set<String> out = new TreeSet<>();
    for (BtfExtSection<CoreRelo> s : info.sections()) {
      for (CoreRelo r : s.records()) {
        out.add(s.name() + " " + r.typeId() + " " + r.accessStr() + " " + r.kind());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void instructionOffsetsAreTheOnesLibbpfLogged(String name) throws IOException {
    BtfExt ext = read(name, "bpfel");
    Path expected = Testdata.root().resolve("reloc/expected/" + name + "/6.1.0-50-amd64.txt");
    int checked = 0;
    for (String line : Files.readAllLines(expected)) {
      String[] f = line.split("\t");
      if (!f[0].equals("relo")) {
        continue;
      }
      CoreRelo r =
          ext.coreRelos().section(f[1]).orElseThrow().records().get(Integer.parseInt(f[2]));
      assertEquals(Integer.parseInt(f[4]), r.insnIndex(), line);
      checked++;
    }
    assertTrue(checked > 0);
  }
}
