package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnumValue;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.ext.BtfExtInfo;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.reloc.RelocationKind;
import io.github.core4j.reloc.Targets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What btfgen keeps, kind by kind, on small hand-built BTF — each case printed as bpftool's raw
 * dump of the minimized BTF — and the corner cases where keeping only the first match (bpftool)
 * would change a relocation's outcome.
 */
class HandBuiltTest {
  private static final int INT = 1; // "int" in every target below

  // ---- what each relocation kind keeps ----

  @Test
  void fieldRelocationKeepsTheTouchedMembersAtTheirOffsetsAndTheStructSize() {
    Target t = new Target();
    t.add(
        new BtfStruct(
            "task", 24, false, List.of(m("pid", INT, 0), m("parent", 3, 64), m("comm", 4, 128))));
    t.add(new BtfPtr("", 5)); // 3
    t.add(new BtfArray("", INT, INT, 2)); // 4
    t.add(new BtfStruct("parent_type", 4, false, List.of(m("x", INT, 0)))); // 5

    Local l = new Local();
    int ltask = l.add(new BtfStruct("task", 8, false, List.of(m("parent", 2, 0))));
    l.add(new BtfPtr("", ltask));

    MinimizedBtf min = minimize(t, l, relo(ltask, "0:0", RelocationKind.FIELD_BYTE_OFFSET));

    assertEquals(
        """
        [1] STRUCT 'task' size=24 vlen=1
        \t'parent' type_id=2 bits_offset=64
        [2] PTR '(anon)' type_id=0
        """,
        dump(min),
        "only 'parent' is kept, at its offset, in a struct of the original size; the pointer it"
            + " is becomes a pointer to void, as nothing needs what it points to");
  }

  @Test
  void fieldRelocationKeepsEveryMemberOnTheAccessPath() {
    Target t = new Target();
    int inner = t.add(new BtfStruct("inner", 8, false, List.of(m("a", INT, 0), m("b", INT, 32))));
    int outer =
        t.add(new BtfStruct("outer", 16, false, List.of(m("pad", INT, 0), m("in", inner, 64))));
    t.add(new BtfTypedef("outer_t", outer));

    Local l = new Local();
    int lint = l.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int linner = l.add(new BtfStruct("inner", 4, false, List.of(m("b", lint, 0))));
    int louter = l.add(new BtfStruct("outer", 4, false, List.of(m("in", linner, 0))));

    MinimizedBtf min = minimize(t, l, relo(louter, "0:0:0", RelocationKind.FIELD_BYTE_OFFSET));

    assertEquals(
        """
        [1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED
        [2] STRUCT 'inner' size=8 vlen=1
        \t'b' type_id=1 bits_offset=32
        [3] STRUCT 'outer' size=16 vlen=1
        \t'in' type_id=2 bits_offset=64
        """,
        dump(min));
  }

  @Test
  void typeRelocationKeepsTheTypeWithoutMembersButFollowsPointersAndTypedefs() {
    Target t = new Target();
    int s = t.add(new BtfStruct("sock", 16, false, List.of(m("state", INT, 0))));
    int p = t.add(new BtfPtr("", s));
    t.add(new BtfTypedef("sock_ptr_t", p));

    Local l = new Local();
    int ls = l.add(new BtfStruct("sock", 4, false, List.of()));
    int lp = l.add(new BtfPtr("", ls));
    int lt = l.add(new BtfTypedef("sock_ptr_t", lp));

    MinimizedBtf min = minimize(t, l, relo(lt, "0", RelocationKind.TYPE_SIZE));

    assertEquals(
        """
        [1] STRUCT 'sock' size=16 vlen=0
        [2] PTR '(anon)' type_id=1
        [3] TYPEDEF 'sock_ptr_t' type_id=2
        """,
        dump(min));
  }

  @Test
  void enumeratorRelocationKeepsTheWholeEnum() {
    Target t = new Target();
    t.add(
        new BtfEnum(
            "state",
            4,
            false,
            List.of(new BtfEnumValue("RUNNING", 0), new BtfEnumValue("STOPPED", 4))));

    Local l = new Local();
    int le = l.add(new BtfEnum("state", 4, false, List.of(new BtfEnumValue("STOPPED", 1))));

    MinimizedBtf min = minimize(t, l, relo(le, "0", RelocationKind.ENUMVAL_VALUE));

    assertEquals(
        """
        [1] ENUM 'state' encoding=UNSIGNED size=4 vlen=2
        \t'RUNNING' val=0
        \t'STOPPED' val=4
        """,
        dump(min));
  }

  @Test
  void typeMatchesKeepsAllMembersRecursivelyButNotBehindPointers() {
    Target t = new Target();
    int other = t.add(new BtfStruct("other", 8, false, List.of(m("z", INT, 0))));
    int po = t.add(new BtfPtr("", other));
    int in = t.add(new BtfStruct("in", 4, false, List.of(m("y", INT, 0))));
    t.add(new BtfStruct("s", 16, false, List.of(m("x", in, 0), m("p", po, 64))));

    Local l = new Local();
    int lint = l.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int lin = l.add(new BtfStruct("in", 4, false, List.of(m("y", lint, 0))));
    int ls = l.add(new BtfStruct("s", 4, false, List.of(m("x", lin, 0))));

    MinimizedBtf min = minimize(t, l, relo(ls, "0", RelocationKind.TYPE_MATCHES));

    assertEquals(
        """
        [1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED
        [2] STRUCT 'other' size=8 vlen=0
        [3] PTR '(anon)' type_id=2
        [4] STRUCT 'in' size=4 vlen=1
        \t'y' type_id=1 bits_offset=0
        [5] STRUCT 's' size=16 vlen=2
        \t'x' type_id=4 bits_offset=0
        \t'p' type_id=3 bits_offset=64
        """,
        dump(min),
        "every member of 's' and of 'in', but 'other' behind the pointer only by name");
  }

  @Test
  void localTypeIdKeepsNothing() {
    Target t = new Target();
    t.add(new BtfStruct("s", 4, false, List.of(m("x", INT, 0))));
    Local l = new Local();
    int ls = l.add(new BtfStruct("s", 4, false, List.of()));

    MinimizedBtf min = minimize(t, l, relo(ls, "0", RelocationKind.TYPE_ID_LOCAL));

    assertEquals("", dump(min));
    assertEquals(1, min.typeCount(), "just void");
  }

  @Test
  void missingTypesKeepNothingAndStillPoisonOrAnswerZero() {
    Target t = new Target();
    Local l = new Local();
    int ls = l.add(new BtfStruct("not_in_kernel", 4, false, List.of(m("x", 2, 0))));
    l.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));

    MinimizedBtf min =
        minimize(
            t,
            l,
            relo(ls, "0:0", RelocationKind.FIELD_BYTE_OFFSET),
            relo(ls, "0:0", RelocationKind.FIELD_EXISTS),
            relo(ls, "0", RelocationKind.TYPE_EXISTS));

    assertEquals("", dump(min));
    assertTrue(min.failures().isEmpty(), "a missing field is not a failure: " + min.failures());
  }

  // ---- where bpftool's "first match only" is not enough ----

  @Test
  void aCandidateTargetedLaterKeepsTheMembersEarlierRelocationsMatchedInIt() {
    // Two kernel types named 'dup' (it happens: kernels carry same-named types from different
    // compilation units). 'a' is at the same offset in both, so reading 'a' matches both and is
    // unambiguous; libbpf then prunes the candidates of the local 'dup' to both. Reading 'b'
    // matches only the second. In the minimized BTF, the second must still match 'a' — or the
    // first relocation would prune it away and 'b' would come out missing.
    Target t = new Target();
    int d1 = t.add(new BtfStruct("dup", 8, false, List.of(m("a", INT, 0), m("x", INT, 32))));
    int d2 = t.add(new BtfStruct("dup", 8, false, List.of(m("a", INT, 0), m("b", INT, 32))));

    Local l = new Local();
    int lint = l.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int ld = l.add(new BtfStruct("dup", 8, false, List.of(m("a", lint, 0), m("b", lint, 32))));

    CoreRelo readA = relo(ld, "0:0", RelocationKind.FIELD_BYTE_OFFSET);
    CoreRelo readB = relo(ld, "0:1", RelocationKind.FIELD_BYTE_OFFSET);
    MinimizedBtf min = minimize(t, l, readA, readB);

    RelocatesLikeFullBtfTest.assertSameDecisions(object(l, readA, readB), t.targets(), min);

    assertEquals(
        """
        [1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED
        [2] STRUCT 'dup' size=8 vlen=1
        \t'a' type_id=1 bits_offset=0
        [3] STRUCT 'dup' size=8 vlen=2
        \t'a' type_id=1 bits_offset=0
        \t'b' type_id=1 bits_offset=32
        """,
        dump(min));
    assertEquals(List.of(d1, d2), List.of(min.originalId(2), min.originalId(3)));
  }

  @Test
  void aZeroLengthArrayThatIsNotLastStaysNotLast() {
    // 'marker' is a zero-length array in the middle of the struct: not a flexible array member,
    // so marker[1] does not exist. Keeping only 'marker' would make it the last member, and the
    // relocation engine would take it for a flexible array and find marker[1].
    Target t = new Target();
    int zero = t.add(new BtfArray("", INT, INT, 0));
    t.add(
        new BtfStruct(
            "s", 8, false, List.of(m("marker", zero, 0), m("y", INT, 0), m("z", INT, 32))));

    Local l = new Local();
    int lint = l.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int larr = l.add(new BtfArray("", lint, lint, 0));
    int ls = l.add(new BtfStruct("s", 4, false, List.of(m("marker", larr, 0))));

    CoreRelo whole = relo(ls, "0:0", RelocationKind.FIELD_BYTE_OFFSET);
    CoreRelo second = relo(ls, "0:0:1", RelocationKind.FIELD_EXISTS);
    MinimizedBtf min = minimize(t, l, whole, second);

    RelocatesLikeFullBtfTest.assertSameDecisions(object(l, whole, second), t.targets(), min);

    assertEquals(
        """
        [1] INT 'int' size=4 bits_offset=0 nr_bits=32 encoding=SIGNED
        [2] ARRAY '(anon)' type_id=1 index_type_id=1 nr_elems=0
        [3] STRUCT 's' size=8 vlen=2
        \t'marker' type_id=2 bits_offset=0
        \t'z' type_id=1 bits_offset=32
        """,
        dump(min),
        "the last member is kept too");
  }

  @Test
  void aFailingRelocationKeepsEveryCandidateItMatchedSoItFailsAlike() {
    Target t = new Target();
    t.add(new BtfStruct("dup", 8, false, List.of(m("a", INT, 0))));
    t.add(new BtfStruct("dup", 8, false, List.of(m("x", INT, 0), m("a", INT, 32))));

    Local l = new Local();
    int lint = l.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int ld = l.add(new BtfStruct("dup", 4, false, List.of(m("a", lint, 0))));

    CoreRelo readA = relo(ld, "0:0", RelocationKind.FIELD_BYTE_OFFSET);
    MinimizedBtf min = minimize(t, l, readA);

    assertEquals(1, min.failures().size());
    assertTrue(min.failures().get(0).message().contains("field offset ambiguity"));
    assertEquals(4, min.typeCount(), "void, int and both 'dup's");
    RelocatesLikeFullBtfTest.assertSameDecisions(object(l, readA), t.targets(), min);
  }

  // ---- helpers ----

  private static BtfMember m(String name, int type, int bitOffset) {
    return new BtfMember(name, type, bitOffset, 0);
  }

  private static CoreRelo relo(int typeId, String access, RelocationKind kind) {
    return new CoreRelo(0, typeId, access, kind.value());
  }

  /** A kernel BTF under construction; type 1 is always {@code int}. */
  private static final class Target {
    final BtfBuilder b = new BtfBuilder();

    Target() {
      b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    }

    int add(BtfType t) {
      return b.add(t);
    }

    Targets targets() {
      return Targets.of(b.build());
    }
  }

  /** An object's BTF under construction. */
  private static final class Local {
    final BtfBuilder b = new BtfBuilder();

    int add(BtfType t) {
      return b.add(t);
    }
  }

  private static ObjectBtf object(Local l, CoreRelo... relos) {
    Btf btf = l.b.build();
    return ObjectBtf.of(
        "hand-built",
        btf,
        new BtfExtInfo<>(16, List.of(new BtfExtSection<>("prog", Arrays.asList(relos)))));
  }

  private static MinimizedBtf minimize(Target t, Local l, CoreRelo... relos) {
    return Btfgen.minimize(t.targets(), List.of(object(l, relos)));
  }

  private static String dump(MinimizedBtf min) {
    StringBuilder out = new StringBuilder();
    RawDump.write(min.btf(), out);
    return out.toString();
  }
}
