package io.github.core4j.btf.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.write.BtfBuilder;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-built {@code .BTF.ext}: what libbpf accepts we read, what it rejects we reject. */
class BtfExtTest {
  enum Order {
    LE(ByteOrder.LITTLE_ENDIAN),
    BE(ByteOrder.BIG_ENDIAN);

    final ByteOrder order;

    Order(ByteOrder order) {
      this.order = order;
    }
  }

  /** BTF whose string section holds the names the records below refer to. */
  private static Btf btf(ByteOrder order) {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    b.add(new BtfStruct("kprobe/do_exit", 0, false, List.of()));
    b.add(new BtfStruct("0:1:2", 0, false, List.of()));
    b.add(new BtfStruct("prog.bpf.c", 0, false, List.of()));
    b.add(new BtfStruct("\treturn 0;", 0, false, List.of()));
    return b.build(order, "test BTF");
  }

  private static int off(Btf btf, String s) {
    for (int id = 1; id < btf.typeCount(); id++) {
      if (btf.name(id).equals(s)) {
        // names were added in order; find the offset by scanning the string section
        java.nio.ByteBuffer strs = btf.stringSection();
        byte[] want = (s + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + want.length <= strs.limit(); i++) {
          for (int j = 0; j < want.length; j++) {
            if (strs.get(i + j) != want[j]) {
              continue outer;
            }
          }
          if (i == 0 || strs.get(i - 1) == 0) {
            return i;
          }
        }
      }
    }
    throw new AssertionError(s);
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void readsAllThreeSubsectionsInEitherByteOrder(Order o) {
    Btf btf = btf(o.order);
    int sec = off(btf, "kprobe/do_exit");
    BtfExtBytes w = new BtfExtBytes(o.order);
    byte[] bytes =
        w.funcInfo(w.subsection(8, new int[] {sec, 2, 0, 7, 80, 9}))
            .lineInfo(
                w.subsection(
                    16,
                    new int[] {
                      sec, 1, 16, off(btf, "prog.bpf.c"), off(btf, "\treturn 0;"), (42 << 10) | 5
                    }))
            .coreRelo(w.subsection(16, new int[] {sec, 1, 24, 3, off(btf, "0:1:2"), 0}))
            .build();
    BtfExt ext = BtfExt.parse(bytes, btf, "test.ext");

    assertEquals(o.order, ext.byteOrder());
    assertEquals(
        List.of(
            new BtfExtSection<>(
                "kprobe/do_exit", List.of(new FuncInfo(0, 7), new FuncInfo(80, 9)))),
        ext.funcInfo().sections());
    assertEquals(
        new LineInfo(16, "prog.bpf.c", "\treturn 0;", 42, 5),
        ext.lineInfo().section("kprobe/do_exit").orElseThrow().records().get(0));
    CoreRelo relo = ext.coreRelos().sections().get(0).records().get(0);
    assertEquals(new CoreRelo(24, 3, "0:1:2", 0), relo);
    assertEquals(3, relo.insnIndex());
  }

  @Test
  void largerRecordsKeepTheKnownFieldsAndSkipTheRest() {
    Btf btf = btf(ByteOrder.LITTLE_ENDIAN);
    int sec = off(btf, "kprobe/do_exit");
    BtfExtBytes w = new BtfExtBytes(ByteOrder.LITTLE_ENDIAN);
    byte[] bytes =
        w.funcInfo(w.subsection(12, new int[] {sec, 2, 0, 7, 0xdead, 80, 9, 0xbeef})).build();
    BtfExt ext = BtfExt.parse(bytes, btf, "test.ext");
    assertEquals(12, ext.funcInfo().recordSize());
    assertEquals(
        List.of(new FuncInfo(0, 7), new FuncInfo(80, 9)),
        ext.funcInfo().sections().get(0).records());
  }

  @Test
  void aHeaderWithoutCoreReloFieldsHasNoRelocations() {
    Btf btf = btf(ByteOrder.LITTLE_ENDIAN);
    int sec = off(btf, "kprobe/do_exit");
    BtfExtBytes w = new BtfExtBytes(ByteOrder.LITTLE_ENDIAN).hdrLen(24);
    BtfExt ext =
        BtfExt.parse(w.funcInfo(w.subsection(8, new int[] {sec, 1, 0, 7})).build(), btf, "x");
    assertEquals(24, ext.header().hdrLen());
    assertEquals(0, ext.coreRelos().recordCount());
    assertEquals(1, ext.funcInfo().recordCount());
  }

  private static String rejected(byte[] bytes) {
    return assertThrows(
            BtfFormatException.class,
            () -> BtfExt.parse(bytes, btf(ByteOrder.LITTLE_ENDIAN), "bad.ext"))
        .getMessage();
  }

  private static void assertMessage(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "'" + message + "' should mention '" + p + "'");
    }
  }

  @Test
  void rejectsWhatLibbpfRejects() {
    Btf btf = btf(ByteOrder.LITTLE_ENDIAN);
    int sec = off(btf, "kprobe/do_exit");
    BtfExtBytes w = new BtfExtBytes(ByteOrder.LITTLE_ENDIAN);
    byte[] good = w.funcInfo(w.subsection(8, new int[] {sec, 1, 0, 7})).build();

    assertMessage(rejected(new byte[4]), "bad.ext", "at offset 0", "needs at least 8 bytes");
    byte[] badMagic = good.clone();
    badMagic[0] = 0x12;
    assertMessage(rejected(badMagic), "at offset 0", "bad .BTF.ext magic", "expected 0xeb9f");
    assertMessage(
        rejected(new BtfExtBytes(ByteOrder.LITTLE_ENDIAN).version(2).funcInfo(good).build()),
        "at offset 2",
        "version 2");
    assertMessage(
        rejected(new BtfExtBytes(ByteOrder.LITTLE_ENDIAN).flags(1).funcInfo(good).build()),
        "at offset 3",
        "flags 0x1");
    assertMessage(rejected(new BtfExtBytes(ByteOrder.LITTLE_ENDIAN).build()), "no room for data");
    assertMessage(
        rejected(new BtfExtBytes(ByteOrder.LITTLE_ENDIAN).hdrLen(20).funcInfo(new byte[8]).build()),
        "hdr_len 20 is too small");

    BtfExtBytes x = new BtfExtBytes(ByteOrder.LITTLE_ENDIAN);
    assertMessage(
        rejected(x.funcInfo(x.subsection(4, new int[] {sec, 1, 0})).build()),
        "at offset 32",
        "func_info record size 4",
        "at least 8");
    assertMessage(
        rejected(x.funcInfo(x.subsection(10, new int[] {sec, 1, 0, 0})).build()), "record size 10");
    assertMessage(
        rejected(x.funcInfo(x.subsection(8)).build()), "func_info subsection has no sections");
    assertMessage(
        rejected(x.funcInfo(x.subsection(8, new int[] {sec, 0})).build()),
        "at offset 40",
        "'kprobe/do_exit' has no records");
    assertMessage(
        rejected(x.funcInfo(x.subsection(8, new int[] {sec, 3, 0, 7})).build()),
        "claims 3 records of 8 bytes but the subsection has 8 bytes left");
    assertMessage(
        rejected(x.funcInfo(x.subsection(8, new int[] {99999, 1, 0, 7})).build()),
        "at offset 36",
        "section name at string offset 99999 is outside the string section");
    assertMessage(
        rejected(x.funcInfo(x.subsection(8, new int[] {0, 1, 0, 7})).build()),
        "section name at string offset 0 is empty");
    assertMessage(
        rejected(
            x.funcInfo(new byte[0])
                .coreRelo(x.subsection(16, new int[] {sec, 1, 0, 1, 77777, 0}))
                .build()),
        "access string at string offset 77777");
    assertMessage(
        rejected(x.funcInfo(x.subsection(8, new int[] {sec, 1, 0, 7}, new int[] {sec})).build()),
        "section header needs 8 bytes but the subsection has 4 left");

    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 4);
    assertMessage(rejected(truncated), "func_info subsection", "past the end of the data");
    byte[] misaligned = good.clone();
    misaligned[8] = 2; // func_info_off = 2
    assertMessage(rejected(misaligned), "at offset 8", "not 4-byte aligned");
  }
}
