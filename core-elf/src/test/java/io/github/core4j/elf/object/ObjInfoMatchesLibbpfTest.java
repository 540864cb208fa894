package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.elf.ElfTestdata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: every object of {@code testdata/bpf/out} (little endian). libbpf's answer: {@code
 * expected/<name>.bpfel.objinfo.txt}, what {@code oracle/objinfo} prints from libbpf 1.1 right
 * after {@code bpf_object__open_file}: per program its name, section, type, expected attach type,
 * insn count and autoload flag; per map its name, type, key/value sizes, max_entries, flags, NUMA
 * node, internal flag and pin path. Our answer: {@link BpfObject#open} rendered the same way must
 * be identical, line for line and in the same order.
 */
class ObjInfoMatchesLibbpfTest {
  static List<Path> objects() {
    return BpfTestdata.littleEndianObjects();
  }

  static List<Path> elfTestdataObjects() {
    return ElfTestdata.bpfObjects().stream()
        .filter(p -> p.getFileName().toString().endsWith(".bpfel.o"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("objects")
  void programsAndMapsEqualLibbpfs(Path object) {
    String libbpf = BpfTestdata.expected(object, "objinfo");
    BpfObject ours = BpfObject.open(object);
    assertEquals(libbpf, LibbpfView.render(object.getFileName().toString(), ours));
  }

  @ParameterizedTest
  @MethodSource("elfTestdataObjects")
  void programsAndMapsOfOtherCompilersAndCpuVersionsEqualLibbpfs(Path object) {
    String libbpf = ElfTestdata.expected(object, "objinfo");
    BpfObject ours = BpfObject.open(object);
    assertEquals(libbpf, LibbpfView.render(object.getFileName().toString(), ours));
  }
}
