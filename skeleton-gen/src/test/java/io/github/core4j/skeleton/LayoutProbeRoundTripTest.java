package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.elf.object.GlobalVariable;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated record of {@code struct probe} (testdata/skeleton/layout_probe.bpf.c) reads, from
 * the bytes clang wrote for the initialised global {@code probe_value}, exactly the values of its C
 * initialiser — padding, nested structs, arrays, a union, signed and unsigned bitfields (also
 * across a 64-bit unit), enums, {@code _Bool}, {@code char[]} and lifted anonymous members — and
 * encoding the record gives clang's bytes back, in both byte orders.
 */
class LayoutProbeRoundTripTest {
  @ParameterizedTest
  @ValueSource(strings = {"bpfel", "bpfeb"})
  void probeValueDecodesToItsInitialiserAndEncodesToClangsBytes(String order, @TempDir Path work)
      throws Exception {
    Path path = LayoutProbe.path(order);
    byte[] bytes = TestObjects.bytes(path);
    BpfObject object = BpfObject.open(bytes, path.getFileName().toString());
    GeneratedSkeleton skeleton =
        SkeletonGenerator.generate(object, bytes, "probe." + order, "LayoutProbe");
    DataSection data = object.dataSection(".data").orElseThrow();
    GlobalVariable var = data.variable("probe_value").orElseThrow();
    byte[] clang = new byte[(int) var.size()];
    ByteBuffer initial = data.initialData();
    initial.position((int) var.offset()).get(clang);

    try (URLClassLoader loader = InProcessCompiler.compile(work, List.of(skeleton))) {
      Class<?> probe = loader.loadClass("probe." + order + ".LayoutProbe$Probe");
      Object value =
          probe.getMethod("decode", MemorySegment.class).invoke(null, MemorySegment.ofArray(clang));

      assertEquals((byte) 0x11, get(value, "c"));
      Object in = get(value, "in");
      assertEquals((short) 0x2233, get(in, "a"));
      assertEquals(0x0102030405060708L, get(in, "b"));
      assertArrayEquals(new short[] {-1, 2, -30000}, (short[]) get(value, "arr"));
      Object u = get(value, "u");
      assertEquals(0xa1b2c3d4, get(u, "word"));
      Object halves = get(u, "halves");
      int word = 0xa1b2c3d4;
      short lo = (short) (order.equals("bpfel") ? word : word >>> 16);
      short hi = (short) (order.equals("bpfel") ? word >>> 16 : word);
      assertEquals(lo, get(halves, "lo"));
      assertEquals(hi, get(halves, "hi"));
      assertEquals(5, get(value, "f1"));
      assertEquals(100, get(value, "f2"));
      assertEquals(0x2abcde, get(value, "f3"));
      assertEquals(-3, get(value, "s1"));
      assertEquals(-1000, get(value, "s2"));
      assertEquals(0x123456789aL, get(value, "big"));
      assertEquals(0xabcdefL, get(value, "rest"));
      assertEquals((byte) 3, get(value, "tail"));
      assertEquals(0x7fffffff, get(value, "col"));
      assertEquals("BLUE", String.valueOf(get(value, "colEnum")));
      assertEquals((byte) 200, get(value, "sz"));
      assertEquals("LARGE", String.valueOf(get(value, "szEnum")));
      Object pair = get(value, "pair");
      assertEquals((byte) 7, get(pair, "x"));
      assertEquals(0xdeadbeef, get(pair, "y"));
      List<?> ins = (List<?>) get(value, "ins");
      assertEquals(4L, get(ins.get(1), "b"));
      assertEquals(true, get(value, "flag"));
      assertEquals("core4j", get(value, "nameString"));
      assertEquals(-7, get(value, "ax"));
      assertEquals(9, get(value, "ay"));

      byte[] encoded = (byte[]) probe.getMethod("toBytes").invoke(value);
      assertArrayEquals(clang, encoded, "encode(decode(clang's bytes)) == clang's bytes");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpfel", "bpfeb"})
  void namesThatClashWithGeneratedCodeAreRenamedNotMisread(String order, @TempDir Path work)
      throws Exception {
    Path path = LayoutProbe.path(order);
    byte[] bytes = TestObjects.bytes(path);
    BpfObject object = BpfObject.open(bytes, path.getFileName().toString());
    GeneratedSkeleton skeleton =
        SkeletonGenerator.generate(object, bytes, "clash." + order, "LayoutProbe");
    DataSection data = object.dataSection(".data").orElseThrow();
    GlobalVariable var = data.variable("clash_value").orElseThrow();
    byte[] clang = new byte[(int) var.size()];
    data.initialData().position((int) var.offset()).get(clang);

    try (URLClassLoader loader = InProcessCompiler.compile(work, List.of(skeleton))) {
      Class<?> clash = loader.loadClass("clash." + order + ".LayoutProbe$Clash");
      Object value =
          clash.getMethod("decode", MemorySegment.class).invoke(null, MemorySegment.ofArray(clang));
      Object codec = get(get(value, "m"), "list"); // struct codec, a record named Codec
      assertEquals(1, get(codec, "segment_"));
      assertEquals(2, get(codec, "other_"));
      assertEquals(3, get(codec, "bytes"));
      assertEquals(4, get(codec, "value"));
      assertEquals(5, get(codec, "hashCode_"));
      assertEquals(6, get(codec, "toString_"));
      Object u = get(get(value, "m"), "u");
      assertEquals(7, get(u, "bytes_"));
      assertEquals(7, get(u, "value_"));
      assertArrayEquals(clang, (byte[]) clash.getMethod("toBytes").invoke(value));
    }
  }

  private static Object get(Object record, String accessor) throws Exception {
    Method m = record.getClass().getMethod(accessor);
    return m.invoke(record);
  }
}
