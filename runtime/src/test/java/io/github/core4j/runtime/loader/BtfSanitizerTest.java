package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfDatasec;
import io.github.core4j.btf.BtfDeclTag;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFunc;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfLinkage;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfTypeTag;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.BtfVar;
import io.github.core4j.btf.BtfVarSecinfo;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.runtime.feature.KernelRelease;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sanitizing rewrites each kind an old kernel lacks into the kind libbpf substitutes, keeping ids
 * and sizes; nothing changes for a kernel that has them all.
 */
class BtfSanitizerTest {
  static Btf sanitized(KernelBtfFeatures features) {
    BtfBuilder b = new BtfBuilder();
    int intId = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32)); // 1
    b.add(new BtfVar("counter", intId, BtfLinkage.GLOBAL)); // 2
    b.add(new BtfDatasec(".data", 8, List.of(new BtfVarSecinfo(2, 4, 4)))); // 3
    int proto = b.add(new BtfFuncProto("", intId, List.of(new BtfParam("x", intId)))); // 4
    b.add(new BtfFunc("f", proto, BtfLinkage.GLOBAL)); // 5
    b.add(new BtfFloat("double", 8)); // 6
    b.add(new BtfDeclTag("tag", 5, -1, false)); // 7
    b.add(new BtfTypeTag("user", intId, false)); // 8
    b.add(new BtfEnum64("big", 8, false, List.of(new BtfEnum64Value("HUGE", 1L << 40)))); // 9
    RawBtf raw = RawBtf.of(ByteBuffer.wrap(b.toBytes(ByteOrder.nativeOrder())), "test");
    BtfSanitizer.sanitize(raw, features);
    return Btf.parse(raw.toBytes(), "sanitized");
  }

  @Test
  void kernelBefore4Point20GetsEveryReplacement() {
    Btf btf = sanitized(KernelBtfFeatures.of(KernelRelease.parse("4.19.0")));
    BtfInt var = assertInstanceOf(BtfInt.class, btf.type(2), "VAR -> 1-byte INT");
    assertEquals(1, var.size());
    BtfStruct sec = assertInstanceOf(BtfStruct.class, btf.type(3), "DATASEC -> STRUCT");
    assertEquals("_data", sec.name());
    assertEquals("counter", sec.members().get(0).name());
    assertEquals(32, sec.members().get(0).bitOffset());
    assertInstanceOf(io.github.core4j.btf.BtfEnum.class, btf.type(4), "FUNC_PROTO -> ENUM");
    assertInstanceOf(BtfTypedef.class, btf.type(5), "FUNC -> TYPEDEF");
    BtfStruct flt = assertInstanceOf(BtfStruct.class, btf.type(6), "FLOAT -> empty STRUCT");
    assertEquals(8, flt.size());
    assertInstanceOf(BtfInt.class, btf.type(7), "DECL_TAG -> INT");
    assertInstanceOf(BtfConst.class, btf.type(8), "TYPE_TAG -> CONST");
    BtfUnion u = assertInstanceOf(BtfUnion.class, btf.type(9), "ENUM64 -> UNION");
    assertEquals("enum64_placeholder", btf.name(u.members().get(0).type()));
  }

  @Test
  void kernel5Point5KeepsDatasecAndFuncButMakesFunctionsStatic() {
    Btf btf = sanitized(KernelBtfFeatures.of(KernelRelease.parse("5.5.0")));
    assertInstanceOf(BtfVar.class, btf.type(2));
    assertInstanceOf(BtfDatasec.class, btf.type(3));
    BtfFunc f = assertInstanceOf(BtfFunc.class, btf.type(5));
    assertEquals(BtfLinkage.STATIC, f.linkage(), "global functions came in 5.6");
  }

  @Test
  void currentKernelsNeedNothing() {
    KernelBtfFeatures all = KernelBtfFeatures.of(KernelRelease.parse("6.1.0"));
    assertEquals(false, all.needsSanitizing());
    Btf btf = sanitized(all);
    assertInstanceOf(BtfFloat.class, btf.type(6));
    assertInstanceOf(BtfEnum64.class, btf.type(9));
    assertInstanceOf(BtfDeclTag.class, btf.type(7));
  }

  @Test
  void ringBufferSizesRoundUpToPowerOfTwoPages() {
    assertEquals(4096, MapCreator.ringbufSize(1));
    assertEquals(256 * 1024, MapCreator.ringbufSize(256 * 1024));
    assertEquals(16384, MapCreator.ringbufSize(3 * 4096));
    assertEquals(0, MapCreator.ringbufSize(0));
  }

  @Test
  void essentialFieldPathDropsFlavours() {
    assertEquals(
        "task_struct.core4j_cookie",
        PoisonedRelocationLog.essential("task_struct___core4j.core4j_cookie"));
    assertEquals("a.b[2].c", PoisonedRelocationLog.essential("a___x.b[2].c"));
  }
}
