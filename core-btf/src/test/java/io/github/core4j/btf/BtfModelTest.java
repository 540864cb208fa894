package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.btf.write.BtfWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The decoded model: kinds and kind_flag semantics, lookups, split BTF ids, the layout section. */
class BtfModelTest {
  private static Btf allKinds() {
    return BtfFiles.read(Testdata.root().resolve("btf/small/all_kinds.bpfel.btf"));
  }

  @Test
  void everyKindDecodesFromClangOutput() {
    Btf btf = allKinds();
    java.util.Set<BtfKind> seen = java.util.EnumSet.noneOf(BtfKind.class);
    for (int id = 1; id < btf.typeCount(); id++) {
      seen.add(btf.type(id).kind());
      assertEquals(btf.kind(id), btf.type(id).kind());
      assertEquals(btf.name(id), btf.type(id).name());
    }
    assertEquals(java.util.EnumSet.complementOf(java.util.EnumSet.of(BtfKind.UNKN)), seen);
  }

  @Test
  void kindFlagSemantics() {
    Btf btf = allKinds();
    BtfStruct bits = (BtfStruct) btf.type(btf.findByName("bits", BtfKind.STRUCT).getAsInt());
    assertTrue(bits.kindFlag());
    assertEquals(new BtfMember("b", 4, 3, 5), bits.members().get(1));
    BtfFwd fwdUnion = (BtfFwd) btf.type(btf.findByName("fwd_union", BtfKind.FWD).getAsInt());
    assertTrue(fwdUnion.union());
    BtfEnum small = (BtfEnum) btf.type(btf.findByName("small_enum", BtfKind.ENUM).getAsInt());
    assertTrue(small.signed());
    assertEquals(-2, small.valueAt(1));
    BtfEnum64 big = (BtfEnum64) btf.type(btf.findByName("big_enum", BtfKind.ENUM64).getAsInt());
    assertFalse(big.signed());
    assertEquals(-1L, big.values().get(1).value());
    BtfFunc helper = (BtfFunc) btf.type(btf.findByName("helper", BtfKind.FUNC).getAsInt());
    assertEquals(BtfLinkage.STATIC, helper.linkage());
    BtfDeclTag paramTag = (BtfDeclTag) btf.type(btf.idsByName("param_tag")[0]);
    assertEquals(1, paramTag.componentIdx());
    BtfFuncProto callback = (BtfFuncProto) btf.type(21);
    assertTrue(callback.isVariadic());
  }

  @Test
  void lookupsByNameAndEssentialName() {
    BtfBuilder b = new BtfBuilder();
    int i = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int plain = b.add(new BtfStruct("task", 4, false, List.of(new BtfMember("a", i, 0, 0))));
    int flavor = b.add(new BtfStruct("task___old", 4, false, List.of(new BtfMember("b", i, 0, 0))));
    b.add(new BtfTypedef("task", plain));
    Btf btf = b.build();
    assertEquals(OptionalInt.of(plain), btf.findByName("task", BtfKind.STRUCT));
    assertEquals(OptionalInt.of(4), btf.findByName("task", BtfKind.TYPEDEF));
    assertTrue(btf.findByName("task", BtfKind.UNION).isEmpty());
    assertArrayEquals(new int[] {plain, flavor, 4}, btf.idsByEssentialName("task"));
    assertEquals("task", EssentialName.of("task___old"));
    assertEquals("a____b", EssentialName.of("a____b"));
    assertEquals("x___y", EssentialName.of("x___y___z"));
    assertEquals("___y", EssentialName.of("___y"));
  }

  @Test
  void splitBtfIdsAndStringsContinueTheBase() {
    Btf base = BtfFiles.read(Testdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    Btf module =
        BtfFiles.read(Testdata.root().resolve("btf/modules/6.1.0-50-amd64/nf_tables.btf.xz"), base);
    assertEquals(base.typeCount(), module.firstId());
    int nft = module.findByName("nft_ctx", BtfKind.STRUCT).getAsInt();
    assertTrue(nft >= module.firstId());
    int taskStruct = module.findByName("task_struct", BtfKind.STRUCT).getAsInt();
    assertEquals(base.findByName("task_struct", BtfKind.STRUCT).getAsInt(), taskStruct);
    assertEquals(base.type(taskStruct), module.type(taskStruct));
  }

  @Test
  void unknownKindIsSteppedOverWithTheLayoutSection() {
    // int; an unknown kind 25 with one info word and two 8-byte elements; typedef to the int.
    ByteBuffer types = ByteBuffer.allocate(16 + 12 + 4 + 16 + 12).order(ByteOrder.LITTLE_ENDIAN);
    types.putInt(1).putInt(BtfKind.INT.value() << 24).putInt(4).putInt(0x01000020);
    types.putInt(0).putInt(25 << 24 | 2).putInt(7).putInt(0xabcdef).putLong(1).putLong(2);
    types.putInt(5).putInt(BtfKind.TYPEDEF.value() << 24).putInt(1);
    byte[] strings = "\0int\0myint\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ByteBuffer layout = ByteBuffer.allocate(26 * 4).order(ByteOrder.LITTLE_ENDIAN);
    layout.put(25 * 4, (byte) 4).put(25 * 4 + 1, (byte) 8);
    ByteBuffer all =
        ByteBuffer.allocate(32 + types.capacity() + layout.capacity() + strings.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    all.putShort((short) 0xEB9F).put((byte) 1).put((byte) 0).putInt(32);
    all.putInt(0).putInt(types.capacity());
    all.putInt(types.capacity() + layout.capacity()).putInt(strings.length);
    all.putInt(types.capacity()).putInt(layout.capacity());
    all.put(types.array()).put(layout.array()).put(strings);
    byte[] bytes = all.array();

    Btf btf = Btf.parse(bytes, "layout.btf");
    assertEquals(4, btf.typeCount());
    BtfUnknown unknown = assertInstanceOf(BtfUnknown.class, btf.type(2));
    assertEquals(25, unknown.kindValue());
    assertEquals(List.of(0xabcdef, 1, 0, 2, 0), unknown.words());
    assertEquals(new BtfTypedef("myint", 1), btf.type(3));
    assertEquals("[2] UNKN '(anon)'\n", RawDump.of(btf, 2));
    assertArrayEquals(bytes, BtfWriter.write(btf, ByteOrder.LITTLE_ENDIAN));
  }

  @Test
  void namesAreDecodedAsUtf8WhereTheyAreNotAscii() {
    BtfBuilder b = new BtfBuilder();
    int i = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    b.add(new BtfTypedef("naïve_déjà_vu_long_enough_for_words", i));
    b.add(new BtfTypedef("ascii_name_longer_than_eight", i));
    Btf btf = b.build();
    assertEquals("naïve_déjà_vu_long_enough_for_words", btf.name(2));
    assertEquals("ascii_name_longer_than_eight", btf.name(3));
    assertEquals(
        OptionalInt.of(2), btf.findByName("naïve_déjà_vu_long_enough_for_words", BtfKind.TYPEDEF));
  }

  @Test
  void builderRoundTripsEveryRecord() {
    Btf source = allKinds();
    BtfBuilder b = new BtfBuilder();
    for (int id = 1; id < source.typeCount(); id++) {
      b.add(source.type(id));
    }
    Btf rebuilt = b.build(ByteOrder.BIG_ENDIAN, "rebuilt");
    for (int id = 1; id < source.typeCount(); id++) {
      assertEquals(source.type(id), rebuilt.type(id));
    }
  }
}
