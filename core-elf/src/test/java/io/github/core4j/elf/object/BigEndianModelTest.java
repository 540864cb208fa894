package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: each object of {@code testdata/bpf} compiled for {@code bpfeb} and {@code bpfel}. libbpf
 * 1.1 refuses the big-endian ones ({@code expected/bpfeb-open.txt}: "Endian mismatch"), so the
 * big-endian model is checked against the little-endian one, which {@link ObjInfoMatchesLibbpfTest}
 * checks against libbpf, and against llvm-readelf of the big-endian object. Expected: the same
 * programs, maps, variables, externs, relocation targets and calls; the same instructions, line
 * info and CO-RE records wherever clang generated the same code for both byte orders (sources that
 * swap bytes, like packet parsers, compile to different code); instruction counts as the bpfeb
 * function symbols say; scalar globals with the same values in the other byte order.
 */
class BigEndianModelTest {
  static List<Path> objects() {
    return BpfTestdata.littleEndianObjects();
  }

  @ParameterizedTest
  @MethodSource("objects")
  void bigEndianObjectOpensToTheLittleEndianModel(Path bpfel) {
    BpfObject el = BpfObject.open(bpfel);
    BpfObject eb = BpfObject.open(BpfTestdata.bigEndianTwin(bpfel));
    assertEquals(ByteOrder.LITTLE_ENDIAN, el.byteOrder());
    assertEquals(ByteOrder.BIG_ENDIAN, eb.byteOrder());
    assertEquals(ModelDump.withoutCode(el), ModelDump.withoutCode(eb));
  }

  /**
   * The sources clang compiles to other instructions for bpfeb (recorded from clang 16): they swap
   * bytes ({@code bpf_ntohs} of packet fields), read bitfields ({@code BPF_CORE_READ_BITFIELD}
   * shifts by byte order) or store narrowed parts of wider values into packed event structs ({@code
   * ringbuf_events}). Every other source compiles to the same instructions for both.
   */
  static final Set<String> BYTE_ORDER_DEPENDENT_CODE =
      Set.of(
          "core_reads.bpfel.o",
          "maps_basic.bpfel.o",
          "port_knock.bpfel.o",
          "ringbuf_events.bpfel.o",
          "xdp_filter.bpfel.o");

  static List<Path> sameCodeObjects() {
    return objects().stream()
        .filter(p -> !BYTE_ORDER_DEPENDENT_CODE.contains(p.getFileName().toString()))
        .toList();
  }

  @Test
  void exactlyTheByteOrderDependentSourcesCompileToOtherInstructions() {
    Set<String> different = new TreeSet<>();
    for (Path bpfel : objects()) {
      if (!sameCode(BpfObject.open(bpfel), BpfObject.open(BpfTestdata.bigEndianTwin(bpfel)))) {
        different.add(bpfel.getFileName().toString());
      }
    }
    assertEquals(new TreeSet<>(BYTE_ORDER_DEPENDENT_CODE), different);
  }

  /**
   * Where clang emitted the same instructions for both byte orders, everything is equal: decoded
   * instructions, relocation and call positions, line info and CO-RE records.
   */
  @ParameterizedTest
  @MethodSource("sameCodeObjects")
  void sameInstructionsGiveTheSameFullModel(Path bpfel) {
    BpfObject el = BpfObject.open(bpfel);
    BpfObject eb = BpfObject.open(BpfTestdata.bigEndianTwin(bpfel));
    assertEquals(ModelDump.of(el), ModelDump.of(eb));
  }

  /** llvm-readelf's symbol sizes of the bpfeb object decide its programs' instruction counts. */
  @ParameterizedTest
  @MethodSource("objects")
  void bigEndianInsnCountsEqualTheirFunctionSymbolSizes(Path bpfel) {
    Path bpfeb = BpfTestdata.bigEndianTwin(bpfel);
    Map<String, Long> sizes = new HashMap<>();
    for (String line : BpfTestdata.expected(bpfeb, "readelf-s").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 8 && f[3].equals("FUNC")) {
        sizes.put(f[7], Long.parseLong(f[2]));
      }
    }
    BpfObject eb = BpfObject.open(bpfeb);
    for (Program p : eb.programs()) {
      assertEquals(sizes.get(p.name()), p.insnCount() * 8L, p.name());
      assertEquals(
          eb.elf()
              .data(eb.elf().section(p.sectionIndex()))
              .slice(p.sectionInsnOffset() * 8, p.insnCount() * 8),
          ByteBuffer.wrap(p.code(ByteOrder.BIG_ENDIAN)),
          p.name());
    }
  }

  @ParameterizedTest
  @MethodSource("objects")
  void scalarGlobalsHoldTheSameValues(Path bpfel) {
    BpfObject el = BpfObject.open(bpfel);
    BpfObject eb = BpfObject.open(BpfTestdata.bigEndianTwin(bpfel));
    Btf btf = el.btf().orElseThrow();
    for (DataSection l : el.dataSections()) {
      DataSection b = eb.dataSection(l.name()).orElseThrow();
      assertEquals(l.initialData().remaining(), b.initialData().remaining(), l.name());
      for (GlobalVariable v : l.variables()) {
        if (l.initialData().remaining() == 0) {
          continue;
        }
        BtfType t = btf.type(BtfTypes.skipModsAndTypedefs(btf, v.typeId()));
        int size = (int) v.size();
        boolean scalar =
            (t instanceof BtfInt || t instanceof BtfEnum || t instanceof BtfPtr)
                && (size == 2 || size == 4 || size == 8);
        if (!scalar) {
          continue;
        }
        long little = read(l.initialData(), (int) v.offset(), size);
        long big = read(b.initialData(), (int) v.offset(), size);
        assertEquals(little, big, l.name() + " " + v.name());
      }
    }
  }

  private static boolean sameCode(BpfObject el, BpfObject eb) {
    for (int i = 0; i < el.programs().size(); i++) {
      if (!el.programs().get(i).insns().equals(eb.programs().get(i).insns())) {
        return false;
      }
    }
    for (int i = 0; i < el.subprograms().size(); i++) {
      if (!el.subprograms().get(i).insns().equals(eb.subprograms().get(i).insns())) {
        return false;
      }
    }
    return true;
  }

  private static long read(ByteBuffer data, int offset, int size) {
    return switch (size) {
      case 2 -> data.getShort(offset);
      case 4 -> data.getInt(offset);
      default -> data.getLong(offset);
    };
  }
}
