package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.reloc.Targets;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Big-endian kernels (the byte-swapped copies in {@code testdata/btf/kernels}): the minimized BTF
 * is written in the kernel's byte order, the big-endian objects relocate against it as against the
 * full BTF, and byte order is only encoding — minimizing the big-endian copy of a kernel and
 * writing it little-endian gives the bytes of minimizing the little-endian original.
 */
class ByteOrderTest {
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String kernel : List.of("6.1.0-50-amd64", "6.18.44-fc-v669")) {
      for (Fixtures.TestObject o : Fixtures.objects()) {
        if (o.file().getFileName().toString().endsWith(".bpfel.o.xz")) {
          out.add(Arguments.of(o.name(), kernel));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {1}.be")
  @MethodSource("cases")
  void bigEndianKernelsGiveBigEndianBtfThatRelocatesAlike(String object, String kernel) {
    Fixtures.TestObject be =
        new Fixtures.TestObject(
            object, Fixtures.testdata().resolve("reloc/obj/" + object + ".bpfeb.o.xz"));
    Targets beKernel = Fixtures.targets(kernel + ".be");

    MinimizedBtf min = Btfgen.minimize(beKernel, List.of(be.load()));

    assertEquals(ByteOrder.BIG_ENDIAN, min.byteOrder());
    assertEquals(ByteOrder.BIG_ENDIAN, min.btf().byteOrder());
    RelocatesLikeFullBtfTest.assertSameDecisions(be.load(), beKernel, min);
  }

  @ParameterizedTest(name = "{0} on {1}.be")
  @MethodSource("cases")
  void byteOrderIsOnlyEncoding(String object, String kernel) {
    List<ObjectBtf> obj = List.of(Fixtures.object(object).load());
    MinimizedBtf fromBigEndian =
        Btfgen.minimize(Fixtures.targets(kernel + ".be"), obj, ByteOrder.LITTLE_ENDIAN);
    MinimizedBtf fromLittleEndian = Btfgen.minimize(Fixtures.targets(kernel), obj);
    assertArrayEquals(fromLittleEndian.bytes(), fromBigEndian.bytes());
  }
}
