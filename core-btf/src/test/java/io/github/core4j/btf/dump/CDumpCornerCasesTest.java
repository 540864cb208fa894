package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfFloat;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfParam;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfTypeTag;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.BtfUnion;
import io.github.core4j.btf.BtfVolatile;
import io.github.core4j.btf.write.BtfBuilder;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-built BTF for what clang never emits but BTF allows (and real kernels sometimes contain):
 * each test builds one BTF, asks bpftool 7.1 (run now) for its C header, and checks that ours is
 * the same, byte for byte. The clang-made corners (packing, bitfields, nesting, function pointers)
 * are in {@code testdata/btf/small/c_layout.c} and checked by {@link CDumpMatchesBpftoolTest}.
 */
class CDumpCornerCasesTest {
  private static final BtfMember[] NONE = {};

  /** Our header of {@code b}'s BTF equals bpftool's; answers it for further checks. */
  private static String sameAsBpftool(BtfBuilder b) {
    String expected = Bpftool.cHeader(b.toBytes(ByteOrder.LITTLE_ENDIAN));
    Btf btf = b.build();
    String ours = CDump.toString(btf, CDumpOptions.BPFTOOL);
    HeaderDiff.assertSameHeader(expected, ours, "hand-built BTF");
    String bigEndian =
        CDump.toString(b.build(ByteOrder.BIG_ENDIAN, "big-endian"), CDumpOptions.BPFTOOL);
    HeaderDiff.assertSameHeader(expected, bigEndian, "hand-built BTF, big-endian");
    return ours;
  }

  private static int addInt(BtfBuilder b) {
    return b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
  }

  private static BtfMember member(String name, int type, int bitOffset) {
    return new BtfMember(name, type, bitOffset, 0);
  }

  private static BtfStruct struct(String name, int size, BtfMember... members) {
    return new BtfStruct(name, size, false, List.of(members));
  }

  private static BtfEnum enum32(String name, int size, String... names) {
    List<BtfEnumValue> values = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      values.add(new BtfEnumValue(names[i], i + 1));
    }
    return new BtfEnum(name, size, false, values);
  }

  @Test
  void repeatedNamesAreNumberedPerNamespaceInOutputOrder() {
    BtfBuilder b = new BtfBuilder();
    int i = addInt(b);
    b.add(struct("foo", 4, member("a", i, 0)));
    b.add(struct("foo", 4, member("b", i, 0))); // struct foo___2
    b.add(new BtfUnion("foo", 4, false, List.of(member("c", i, 0)))); // union foo___3
    b.add(enum32("foo", 4, "FOO_A")); // enum foo___4: one namespace for tags
    b.add(new BtfTypedef("foo", i)); // typedef foo: identifiers are another namespace
    b.add(enum32("bar", 4, "foo", "X")); // enumerator foo___2 collides with the typedef
    b.add(new BtfTypedef("X", i)); // typedef X___2 collides with the enumerator
    b.add(new BtfFwd("foo", false)); // forward declarations are never renamed
    b.add(new BtfEnum("baz", 4, false, List.of())); // nor are enums without values
    b.add(enum32("baz", 4, "B")); // so this enum keeps its name
    String ours = sameAsBpftool(b);
    for (String s :
        List.of(
            "struct foo___2 {",
            "union foo___3 {",
            "enum foo___4 {",
            "typedef int foo;",
            "\tfoo___2 = 1,",
            "typedef int X___2;",
            "struct foo;\n",
            "enum baz;\n",
            "enum baz {")) {
      assertTrue(ours.contains(s), s);
    }
  }

  @Test
  void anonymousEnumsTopLevelWhenUnreferencedInlineOtherwiseAndRenumberedEachTime() {
    BtfBuilder b = new BtfBuilder();
    int i = addInt(b);
    b.add(enum32("", 4, "TOP_A", "TOP_B")); // referenced by nothing: a block of constants
    int inline = b.add(enum32("", 4, "IN_A"));
    // two members of the same anonymous enum type: its values are written, and counted, twice
    b.add(struct("twice", 8, member("x", inline, 0), member("y", inline, 32)));
    b.add(struct("other", 4, member("i", i, 0)));
    String ours = sameAsBpftool(b);
    assertTrue(ours.contains("enum {\n\tTOP_A = 1,\n\tTOP_B = 2,\n};"), ours);
    assertTrue(ours.contains("\tIN_A___2 = 1,"), ours);
  }

  @Test
  void enumSizesWithoutModeAttributesAsBpftool71() {
    BtfBuilder b = new BtfBuilder();
    b.add(enum32("e1", 1, "E1"));
    b.add(enum32("e2", 2, "E2"));
    b.add(enum32("e8", 8, "E8"));
    b.add(new BtfEnum64("e64_small", 8, false, List.of(new BtfEnum64Value("S", 5))));
    b.add(new BtfEnum64("e64_big", 8, false, List.of(new BtfEnum64Value("BIG", -1L))));
    b.add(new BtfEnum64("e64_signed", 8, true, List.of(new BtfEnum64Value("NEG", -5L))));
    b.add(new BtfEnum64("e64_four", 4, false, List.of(new BtfEnum64Value("F", 1))));
    b.add(new BtfEnum("signed32", 4, true, List.of(new BtfEnumValue("M", Integer.MIN_VALUE))));
    b.add(new BtfEnum("unsigned32", 4, false, List.of(new BtfEnumValue("U", -1))));
    String ours = sameAsBpftool(b);
    assertTrue(ours.contains("\tBIG = 18446744073709551615ULL,"), ours);
    assertTrue(ours.contains("\tNEG = -5LL,"), ours);
    assertTrue(ours.contains("\tM = -2147483648,"), ours);
    assertTrue(ours.contains("\tU = 4294967295,"), ours);
    assertTrue(!ours.contains("mode("), ours);

    String modes = CDump.toString(b.build(), CDumpOptions.BPFTOOL.withEnumModes(true));
    assertTrue(modes.contains("\tE1 = 1,\n} __attribute__((mode(byte)));"), modes);
    assertTrue(modes.contains("\tE2 = 1,\n};"), modes);
    assertTrue(modes.contains("\tE8 = 1,\n} __attribute__((mode(word)));"), modes);
    assertTrue(modes.contains("\tS = 5ULL,\n} __attribute__((mode(word)));"), modes);
    assertTrue(modes.contains("\tBIG = 18446744073709551615ULL,\n};"), modes);
  }

  @Test
  void compilerBuiltinsAndGccBaseTypes() {
    BtfBuilder b = new BtfBuilder();
    int poly = b.add(new BtfInt("__Poly8_t", 1, 0, 0, 8));
    int valist = b.add(new BtfTypedef("__builtin_va_list", b.nextId() + 1));
    b.add(new BtfPtr("", 0));
    int gnuc = b.add(new BtfTypedef("__gnuc_va_list", 0));
    b.add(
        struct("uses", 24, member("p", poly, 0), member("v", valist, 64), member("g", gnuc, 128)));
    String ours = sameAsBpftool(b);
    assertTrue(ours.contains("typedef unsigned char __Poly8_t;"), ours);
    assertTrue(ours.contains("typedef __builtin_va_list __gnuc_va_list;"), ours);
    assertTrue(!ours.contains("typedef void *__builtin_va_list"), ours);
  }

  @Test
  void functionPrototypesWithoutParametersVarargsAndUnnamedParameters() {
    BtfBuilder b = new BtfBuilder();
    int i = addInt(b);
    int noParams = b.add(new BtfFuncProto("", i, List.of()));
    int voidParam = b.add(new BtfFuncProto("", 0, List.of(new BtfParam("", 0))));
    int varargs =
        b.add(new BtfFuncProto("", i, List.of(new BtfParam("fmt", i), new BtfParam("", 0))));
    int unnamed = b.add(new BtfFuncProto("", i, List.of(new BtfParam("", i), new BtfParam("", i))));
    int p1 = b.add(new BtfPtr("", noParams));
    int p2 = b.add(new BtfPtr("", voidParam));
    int p3 = b.add(new BtfPtr("", varargs));
    int p4 = b.add(new BtfPtr("", unnamed));
    b.add(new BtfTypedef("fn_t", noParams));
    b.add(
        struct(
            "fns",
            32,
            member("a", p1, 0),
            member("b", p2, 64),
            member("c", p3, 128),
            member("d", p4, 192)));
    String ours = sameAsBpftool(b);
    assertTrue(ours.contains("typedef int fn_t(void);"), ours);
    assertTrue(ours.contains("\tint (*c)(int fmt, ...);"), ours);
  }

  @Test
  void paddingForMembersWithoutSizeAndStructsWithoutMembers() {
    BtfBuilder b = new BtfBuilder();
    int i = addInt(b);
    // a typedef chain longer than libbpf's 32 resolution steps has no size: padding follows
    int chain = i;
    for (int n = 0; n < 40; n++) {
      chain = b.add(new BtfTypedef("t" + n, chain));
    }
    b.add(struct("deep", 16, member("x", chain, 0), member("y", i, 96)));
    b.add(struct("only_padding", 8, NONE));
    b.add(struct("empty", 0, NONE));
    int f = b.add(new BtfFloat("double", 8));
    b.add(new BtfUnion("u", 16, false, List.of(member("d", f, 0), member("c", i, 0))));
    sameAsBpftool(b);
  }

  @Test
  void thirtyTwoBitTargetsPadWithFourByteLongs() {
    BtfBuilder b = new BtfBuilder();
    int i = addInt(b);
    int l = b.add(new BtfInt("long int", 4, BtfInt.SIGNED, 0, 32));
    int c = b.add(new BtfInt("char", 1, BtfInt.SIGNED, 0, 8));
    int p = b.add(new BtfPtr("", i));
    b.add(struct("s32", 24, member("c", c, 0), member("l", l, 64), member("p", p, 128)));
    b.add(
        new BtfStruct(
            "bits",
            12,
            true,
            List.of(
                new BtfMember("a", i, 0, 3),
                new BtfMember("b", i, 40, 20),
                new BtfMember("z", c, 88, 0))));
    String ours = sameAsBpftool(b);
    assertTrue(ours.contains("\tchar c;\n\tlong: 32;\n\tlong int l;\n\tlong: 32;\n"), ours);
  }

  @Test
  void qualifiersAndTypeTagsInEveryPosition() {
    BtfBuilder b = new BtfBuilder();
    int i = addInt(b);
    int tag = b.add(new BtfTypeTag("user", i, false));
    int attr = b.add(new BtfTypeTag("aligned(8)", i, true)); // kind_flag: a plain attribute
    int cint = b.add(new BtfConst("", i));
    int ptrTag = b.add(new BtfPtr("", tag));
    int ptrAttr = b.add(new BtfPtr("", attr));
    int cptr = b.add(new BtfConst("", ptrTag));
    int vcptr = b.add(new BtfVolatile("", cptr));
    int arr = b.add(new BtfArray("", cint, i, 3));
    int carr = b.add(new BtfConst("", arr));
    b.add(
        struct(
            "quals",
            48,
            member("a", ptrTag, 0),
            member("b", ptrAttr, 64),
            member("c", vcptr, 128),
            member("d", carr, 192)));
    String ours = sameAsBpftool(b);
    assertTrue(ours.contains("int __attribute__((btf_type_tag(\"user\"))) *a;"), ours);
  }
}
