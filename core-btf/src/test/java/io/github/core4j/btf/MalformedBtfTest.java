package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.btf.write.BtfBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad BTF is rejected with a {@link BtfFormatException} that names the source, the offset and what
 * was expected there; nothing else escapes, nothing hangs.
 */
class MalformedBtfTest {
  private static final String SRC = "test.btf";

  /** A small valid BTF: int, struct s { int a; struct s *next; }, typedef. */
  private static byte[] valid(ByteOrder order) {
    BtfBuilder b = new BtfBuilder();
    int i = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int ptr = b.add(new BtfPtr("", 3));
    b.add(
        new BtfStruct(
            "s",
            16,
            false,
            List.of(new BtfMember("a", i, 0, 0), new BtfMember("next", ptr, 64, 0))));
    b.add(new BtfTypedef("s_t", 3));
    return b.toBytes(order);
  }

  private static BtfFormatException reject(byte[] bytes) {
    BtfFormatException e = assertThrows(BtfFormatException.class, () -> Btf.parse(bytes, SRC));
    assertTrue(e.getMessage().startsWith(SRC + ": "), e.getMessage());
    return e;
  }

  private static void putInt(byte[] bytes, int at, int value, ByteOrder order) {
    ByteBuffer.wrap(bytes).order(order).putInt(at, value);
  }

  @Test
  void validInputParsesInBothByteOrders() {
    assertEquals(5, Btf.parse(valid(ByteOrder.LITTLE_ENDIAN), SRC).typeCount());
    Btf be = Btf.parse(valid(ByteOrder.BIG_ENDIAN), SRC);
    assertEquals(ByteOrder.BIG_ENDIAN, be.byteOrder());
    assertEquals("s_t", be.name(4));
  }

  @ParameterizedTest(name = "truncated to {0} bytes")
  @ValueSource(ints = {0, 1, 2, 3, 4, 7, 8, 11, 12, 15, 16, 19, 20, 23})
  void truncationInsideTheHeader(int length) {
    byte[] bytes = Arrays.copyOf(valid(ByteOrder.LITTLE_ENDIAN), length);
    BtfFormatException e = reject(bytes);
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }

  @Test
  void everyTruncationAfterTheHeaderIsRejected() {
    byte[] full = valid(ByteOrder.LITTLE_ENDIAN);
    for (int length = 24; length < full.length; length++) {
      reject(Arrays.copyOf(full, length));
    }
  }

  @Test
  void badMagic() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    bytes[0] = 0x12;
    BtfFormatException e = reject(bytes);
    assertTrue(e.getMessage().contains("bad BTF magic"), e.getMessage());
    assertEquals(0, e.offset());
  }

  @Test
  void unsupportedVersion() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    bytes[2] = 2;
    assertTrue(reject(bytes).getMessage().contains("version 2"));
  }

  @Test
  void headerLengthBelowTheMinimum() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    putInt(bytes, 4, 20, ByteOrder.LITTLE_ENDIAN);
    assertTrue(reject(bytes).getMessage().contains("hdr_len 20"));
  }

  @Test
  void headerLengthPastTheEnd() {
    byte[] bytes = valid(ByteOrder.BIG_ENDIAN);
    putInt(bytes, 4, 1 << 30, ByteOrder.BIG_ENDIAN);
    assertTrue(reject(bytes).getMessage().contains("larger than the data"));
  }

  @Test
  void stringSectionPastTheEnd() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    putInt(bytes, 20, Integer.MAX_VALUE, ByteOrder.LITTLE_ENDIAN);
    assertTrue(reject(bytes).getMessage().contains("string section"));
  }

  @Test
  void typeSectionOverlapsStrings() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    int typeLen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    putInt(bytes, 12, typeLen + 4, ByteOrder.LITTLE_ENDIAN);
    assertTrue(reject(bytes).getMessage().contains("overlaps the string section"));
  }

  @Test
  void typeIdOutOfRange() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    // type [2] PTR: its type field is at 24 (header) + 16 (INT) + 8
    putInt(bytes, 24 + 16 + 8, 99999, ByteOrder.LITTLE_ENDIAN);
    BtfFormatException e = reject(bytes);
    assertTrue(e.getMessage().contains("type [2] PTR"), e.getMessage());
    assertTrue(e.getMessage().contains("refers to type id 99999"), e.getMessage());
    assertEquals(24 + 16 + 8, e.offset());
  }

  @Test
  void nameOffsetOutOfRange() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    putInt(bytes, 24, 1_000_000, ByteOrder.LITTLE_ENDIAN);
    BtfFormatException e = reject(bytes);
    assertTrue(e.getMessage().contains("name offset 1000000"), e.getMessage());
  }

  @Test
  void vlenOverflowingTheTypeSection() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    // type [3] STRUCT starts at 24 + 16 + 12; its info word is 4 bytes in
    int info = (BtfKind.STRUCT.value() << 24) | 0xffffff;
    putInt(bytes, 24 + 16 + 12 + 4, info, ByteOrder.LITTLE_ENDIAN);
    BtfFormatException e = reject(bytes);
    assertTrue(e.getMessage().contains("vlen 16777215"), e.getMessage());
  }

  @Test
  void unknownKindWithoutLayoutSection() {
    byte[] bytes = valid(ByteOrder.LITTLE_ENDIAN);
    putInt(bytes, 24 + 16 + 4, 25 << 24, ByteOrder.LITTLE_ENDIAN);
    assertTrue(reject(bytes).getMessage().contains("unknown kind 25"));
  }

  @Test
  void selfReferencingTypedef() {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfTypedef("loop", 1));
    Btf btf = b.build(); // parsing checks each type; cycles are a whole-graph check
    BtfFormatException e = assertThrows(BtfFormatException.class, btf::validate);
    assertTrue(e.getMessage().contains("type [1] is part of a reference cycle"), e.getMessage());
    BtfFormatException size = assertThrows(BtfFormatException.class, () -> btf.resolveSize(1));
    assertTrue(size.getMessage().contains("more than 32 typedefs"), size.getMessage());
  }

  @Test
  void structContainingItselfThroughAnArray() {
    BtfBuilder b = new BtfBuilder();
    int i = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    b.add(new BtfStruct("s", 8, false, List.of(new BtfMember("self", 3, 0, 0))));
    b.add(new BtfArray("", 2, i, 2));
    BtfFormatException e = assertThrows(BtfFormatException.class, () -> b.build().validate());
    assertTrue(e.getMessage().contains("[2] STRUCT 's' -> [3] ARRAY -> [2]"), e.getMessage());
  }

  @Test
  void pointerCyclesAreFine() {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfStruct("node", 8, false, List.of(new BtfMember("next", 2, 0, 0))));
    b.add(new BtfPtr("", 1));
    assertEquals(3, b.build().validate().typeCount());
  }

  @Test
  void everyTestdataBtfIsAcyclic() {
    for (Testdata.BtfCase c : Testdata.btfCases()) {
      c.parse().validate();
    }
  }

  @Test
  void resolveSizeLikeLibbpf() {
    Btf btf = BtfFiles.read(Testdata.root().resolve("btf/small/all_kinds.bpfel.btf"));
    assertEquals(176, btf.resolveSize(btf.findByName("nested", BtfKind.STRUCT).getAsInt()));
    assertEquals(8, btf.resolveSize(btf.findByName("u64", BtfKind.TYPEDEF).getAsInt()));
    assertEquals(24, btf.resolveSize(14)); // int matrix[2][3]
    assertEquals(8, btf.resolveSize(1)); // a pointer
    assertThrows(IllegalArgumentException.class, () -> btf.resolveSize(17)); // FWD has no size
  }

  @Test
  void funcMustReferToAFuncProto() {
    BtfBuilder b = new BtfBuilder();
    int i = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    b.add(new BtfFunc("f", i, BtfLinkage.GLOBAL));
    BtfFormatException e = assertThrows(BtfFormatException.class, b::build);
    assertTrue(e.getMessage().contains("FUNC must refer to a FUNC_PROTO"), e.getMessage());
  }

  @Test
  void declTagComponentOutOfRange() {
    BtfBuilder b = new BtfBuilder();
    int i = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int s = b.add(new BtfStruct("s", 4, false, List.of(new BtfMember("a", i, 0, 0))));
    b.add(new BtfDeclTag("tag", s, 1, false));
    BtfFormatException e = assertThrows(BtfFormatException.class, b::build);
    assertTrue(e.getMessage().contains("component_idx 1 is out of range"), e.getMessage());
  }

  @Test
  void intWiderThanItsSize() {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 64));
    assertThrows(BtfFormatException.class, b::build);
  }

  @Test
  void splitBtfWithoutItsBaseIsExplained() {
    Btf base = BtfFiles.read(Testdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    byte[] module =
        BtfFiles.readBytes(Testdata.root().resolve("btf/modules/6.1.0-50-amd64/af_key.btf.xz"));
    assertTrue(Btf.parseSplit(module, base, "af_key").typeCount() > base.typeCount());
    BtfFormatException e = reject(module);
    assertTrue(e.getMessage().contains("needs a base"), e.getMessage());
  }

  /**
   * Random byte flips of a real BTF: only BtfFormatException may escape, and parsing terminates.
   */
  @Test
  void seededMutationsOnlyRaiseBtfFormatException() {
    byte[] seed = BtfFiles.readBytes(Testdata.root().resolve("btf/small/all_kinds.bpfel.btf"));
    Random random = new Random(20261125L);
    int rejected = 0;
    for (int round = 0; round < 5000; round++) {
      byte[] bytes = seed.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        int at = random.nextInt(bytes.length);
        bytes[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (bytes[at] ^ 0x80);
      }
      try {
        Btf btf = Btf.parse(bytes, "mutant-" + round).validate();
        for (int id = 1; id < btf.typeCount(); id++) {
          btf.type(id);
          btf.name(id);
        }
      } catch (BtfFormatException expected) {
        rejected++;
      }
    }
    assertTrue(rejected > 1000, "most mutants are rejected, got " + rejected);
  }
}
