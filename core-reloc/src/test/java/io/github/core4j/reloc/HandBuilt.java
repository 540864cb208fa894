package io.github.core4j.reloc;

import static io.github.core4j.reloc.TypeBuilder.bits;
import static io.github.core4j.reloc.TypeBuilder.m;

import io.github.core4j.btf.Btf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built BTF for the cases real objects can't produce: every error path, candidates that
 * disagree, pruning, flexible arrays, module BTFs. Each group is a local (object) BTF, a vmlinux
 * BTF, optional module BTFs and a list of relocations run in order. {@code testdata/reloc/handmade}
 * holds the same BTF as files and libbpf's answers for them ({@code relo_calc}).
 */
final class HandBuilt {
  private HandBuilt() {}

  /** One relocation of a group. */
  record Case(String label, int typeId, int kind, String access, String what) {}

  /** A group: BTFs and relocations. */
  record Group(
      String name, byte[] local, byte[] vmlinux, Map<String, byte[]> modules, List<Case> cases) {

    Btf localBtf() {
      return Btf.parse(local, name + "/local.btf");
    }

    Targets targets() {
      Btf vm = Btf.parse(vmlinux, name + "/vmlinux.btf");
      Targets t = Targets.of(vm);
      for (Map.Entry<String, byte[]> e : modules.entrySet()) {
        t = t.withModule(TargetBtf.of(e.getKey(), Btf.parseSplit(e.getValue(), vm, e.getKey())));
      }
      return t;
    }

    Case find(String label) {
      for (Case c : cases) {
        if (c.label().equals(label)) {
          return c;
        }
      }
      throw new IllegalArgumentException(label);
    }
  }

  static List<Group> groups() {
    return List.of(errors(), matching(), modules());
  }

  static Group group(String name) {
    for (Group g : groups()) {
      if (g.name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static final int BYTE_OFF = 0;
  private static final int BYTE_SZ = 1;
  private static final int EXISTS = 2;
  private static final int SIGNED = 3;
  private static final int LSHIFT = 4;
  private static final int RSHIFT = 5;
  private static final int LOCAL_ID = 6;
  private static final int TARGET_ID = 7;
  private static final int TYPE_EXISTS = 8;
  private static final int TYPE_SIZE = 9;
  private static final int ENUM_EXISTS = 10;
  private static final int ENUM_VALUE = 11;
  private static final int TYPE_MATCHES = 12;

  /** Field relocations, their failures and the candidate rules. */
  static Group errors() {
    TypeBuilder l = new TypeBuilder();
    int lInt = l.signedInt("int", 4);
    int lUint = l.unsignedInt("unsigned int", 4);
    int lLong = l.signedInt("long", 8);
    int lArr4 = l.array(lInt, lInt, 4);
    int lAnonC = l.struct("", 4, m("c", lInt, 0));
    int foo =
        l.struct(
            "foo", 28, m("a", lInt, 0), m("b", lInt, 32), m("", lAnonC, 64), m("arr", lArr4, 96));
    int nothere = l.struct("nothere", 4, m("x", lInt, 0));
    int amb = l.struct("amb___local", 4, m("x", lInt, 0));
    int ambsz = l.struct("ambsz___local", 4, m("x", lInt, 0));
    int same = l.struct("same", 8, m("x", lInt, 0), m("y", lInt, 32));
    int pick = l.struct("pick", 8, m("only_in_first", lInt, 0), m("only_in_second", lInt, 32));
    int lArr0 = l.array(lInt, lInt, 0);
    int flex = l.struct("flex", 4, m("n", lInt, 0), m("data", lArr0, 32));
    int notflex = l.struct("notflex", 4, m("data", lArr0, 0), m("n", lInt, 0));
    int anon = l.struct("", 4, m("x", lInt, 0));
    int e32 = l.enum32("e32", 4, false, "A", 1, "B", 2, "C___x", 3);
    int e64 = l.enum64("e64", false, "BIG", 0x100000000L, "NEG", 5);
    int bitsT = l.struct("bits", 4, bits("lo", lUint, 0, 4), bits("hi", lUint, 4, 28));
    int deep = l.struct("deep", 4, m("x", lInt, 0));
    int lPtr = l.ptr(lInt);
    int memsz = l.struct("memsz", 16, m("s", lInt, 0), m("u", lUint, 32), m("p", lPtr, 64));
    int lChar = l.signedInt("char", 1);
    int lMat = l.array(lChar, lInt, 3);
    int lMat2 = l.array(lMat, lInt, 2);
    int grid = l.struct("grid", 6, m("cells", lMat2, 0));
    int lConstFoo = l.constOf(foo);
    int fooT = l.typedef("foo_t", lConstFoo);
    int renum = l.struct("renum", 4, m("e", e32, 0));

    TypeBuilder v = new TypeBuilder();
    int vInt = v.signedInt("int", 4);
    int vUint = v.unsignedInt("unsigned int", 4);
    int vLong = v.signedInt("long", 8);
    int vUlong = v.unsignedInt("unsigned long", 8);
    int vArr2 = v.array(vInt, vInt, 2);
    int vAnonC = v.struct("", 4, m("c", vInt, 0));
    int vAnonU = v.union("", 4, m("", vAnonC, 0));
    int vFoo =
        v.struct(
            "foo",
            28,
            m("b", vInt, 0),
            m("a", vInt, 32),
            m("pad", vLong, 64),
            m("", vAnonU, 128),
            m("arr", vArr2, 160));
    v.typedef("foo_t", vFoo);
    v.struct("amb", 4, m("x", vInt, 0));
    v.struct("amb", 8, m("pad", vInt, 0), m("x", vInt, 32));
    v.struct("ambsz", 4, m("x", vInt, 0));
    v.struct("ambsz", 8, m("x", vLong, 0));
    v.struct("same", 8, m("x", vInt, 0), m("y", vInt, 32));
    v.struct("same", 8, m("x", vInt, 0), m("y", vInt, 32));
    v.struct("pick", 4, m("only_in_first", vInt, 0));
    v.struct("pick", 4, m("only_in_second", vInt, 0));
    int vArr0 = v.array(vInt, vInt, 0);
    v.struct("flex", 16, m("n", vInt, 0), m("pad", vLong, 64), m("data", vArr0, 128));
    v.struct("notflex", 4, m("n", vInt, 0), m("data", vArr0, 32));
    v.enum32("e32", 4, true, "B", 20, "A", -2, "C", 30);
    v.enum32("e64", 4, true, "NEG", -7);
    v.struct(
        "bits", 16, bits("pad", vUlong, 0, 60), bits("hi", vUint, 60, 8), bits("lo", vUint, 68, 4));
    // 70 levels of anonymous structs around x: more than 64 raw indices
    int inner = v.struct("", 4, m("x", vInt, 0));
    for (int i = 0; i < 70; i++) {
      inner = v.struct("", 4, m("", inner, 0));
    }
    v.struct("deep", 4, m("", inner, 0));
    int vPtr = v.ptr(vInt);
    v.struct("memsz", 24, m("s", vLong, 0), m("u", vUlong, 64), m("p", vPtr, 128));
    int vChar = v.signedInt("char", 1);
    int vMat = v.array(vChar, vInt, 4);
    int vMat2 = v.array(vMat, vInt, 3);
    v.struct("grid", 12, m("pad", vInt, 0), m("cells", vMat2, 32));
    int vE = v.enum32("other_enum", 4, true, "A", 9);
    v.struct("renum", 8, m("pad", vInt, 0), m("e", vE, 32));

    List<Case> cs = new ArrayList<>();
    cs.add(new Case("foo_a", foo, BYTE_OFF, "0:0", "a field that moved"));
    cs.add(
        new Case(
            "foo_c_anon",
            foo,
            BYTE_OFF,
            "0:2:0",
            "through an anonymous struct locally, a union of a struct in the target"));
    cs.add(new Case("foo_arr1", foo, BYTE_OFF, "0:3:1", "array element within both bounds"));
    cs.add(
        new Case(
            "foo_arr3", foo, BYTE_OFF, "0:3:3", "array element beyond the target's 2 elements"));
    cs.add(new Case("foo_arr_size", foo, BYTE_SZ, "0:3", "an array field's size"));
    cs.add(new Case("foo_elem_size", foo, BYTE_SZ, "0:3:1", "an array element's size"));
    cs.add(new Case("foo_arr_signed", foo, SIGNED, "0:3:1", "signed on an array element"));
    cs.add(new Case("foo_root1", foo, BYTE_OFF, "1:1", "the root pointer indexed by 1"));
    cs.add(new Case("foo_typedef_root", fooT, BYTE_OFF, "0:1", "rooted at a typedef of const foo"));
    cs.add(new Case("nothere_off", nothere, BYTE_OFF, "0:0", "no candidate: poison"));
    cs.add(new Case("nothere_exists", nothere, EXISTS, "0:0", "no candidate: field_exists 0"));
    cs.add(
        new Case("nothere_type_exists", nothere, TYPE_EXISTS, "0", "no candidate: type_exists 0"));
    cs.add(new Case("nothere_type_size", nothere, TYPE_SIZE, "0", "no candidate: type_size 0"));
    cs.add(new Case("nothere_target_id", nothere, TARGET_ID, "0", "no candidate: target id 0"));
    cs.add(new Case("nothere_local_id", nothere, LOCAL_ID, "0", "local id needs no candidate"));
    cs.add(new Case("amb_off", amb, BYTE_OFF, "0:0", "two candidates, different offsets"));
    cs.add(
        new Case(
            "ambsz_size", ambsz, BYTE_SZ, "0:0", "two candidates, same offset, different sizes"));
    cs.add(new Case("ambsz_off", ambsz, BYTE_OFF, "0:0", "two candidates agreeing on the offset"));
    cs.add(new Case("same_x", same, BYTE_OFF, "0:0", "two identical candidates"));
    cs.add(new Case("same_y", same, BYTE_OFF, "0:1", "two identical candidates again"));
    cs.add(
        new Case(
            "pick_first",
            pick,
            BYTE_OFF,
            "0:0",
            "matches only the first candidate, pruning the second"));
    cs.add(new Case("pick_second", pick, BYTE_OFF, "0:1", "only the pruned candidate had it"));
    cs.add(new Case("pick_exists", pick, EXISTS, "0:1", "the pruned list again"));
    cs.add(
        new Case("flex_100", flex, BYTE_OFF, "0:1:100", "a flexible array member indexed past 0"));
    cs.add(
        new Case(
            "notflex_1",
            notflex,
            BYTE_OFF,
            "0:0:1",
            "a zero-length array that is not the last member"));
    cs.add(
        new Case("anon_off", anon, BYTE_OFF, "0:0", "an anonymous local type has no candidates"));
    cs.add(new Case("anon_local_id", anon, LOCAL_ID, "0", "but its local id is fine"));
    cs.add(new Case("bad_id", 9999, BYTE_OFF, "0:0", "a local type id that does not exist"));
    cs.add(new Case("access_empty", foo, BYTE_OFF, "", "an empty access string"));
    cs.add(new Case("access_colon", foo, BYTE_OFF, ":0", "starts with a colon"));
    cs.add(new Case("access_trailing", foo, BYTE_OFF, "0:", "ends with a colon"));
    cs.add(new Case("access_double", foo, BYTE_OFF, "0::1", "two colons"));
    cs.add(new Case("access_letter", foo, BYTE_OFF, "0:x", "not a number"));
    cs.add(new Case("access_negative", foo, BYTE_OFF, "0:-1", "a negative index"));
    cs.add(new Case("access_suffix", foo, BYTE_OFF, "0:1x", "a number followed by junk"));
    cs.add(
        new Case(
            "access_spaces",
            foo,
            BYTE_OFF,
            " 0: 1",
            "white space before numbers, as sscanf allows"));
    cs.add(new Case("access_plus", foo, BYTE_OFF, "+0:+1", "plus signs, as sscanf allows"));
    cs.add(new Case("access_wrap", foo, BYTE_OFF, "0:4294967297", "a 33-bit number wraps to 1"));
    cs.add(new Case("access_65", foo, BYTE_OFF, "0" + ":0".repeat(64), "65 components"));
    cs.add(new Case("type_access_1", foo, TYPE_EXISTS, "1", "a type relocation with access \"1\""));
    cs.add(
        new Case("type_access_00", foo, TYPE_SIZE, "00", "a type relocation with access \"00\""));
    cs.add(new Case("member_range", foo, BYTE_OFF, "0:9", "member index past the last member"));
    cs.add(new Case("array_range", foo, BYTE_OFF, "0:3:4", "array index past the local array"));
    cs.add(new Case("into_int", foo, BYTE_OFF, "0:0:0", "stepping into an int"));
    cs.add(new Case("unknown_kind", foo, 13, "0:0", "relocation kind 13"));
    cs.add(new Case("e32_a", e32, ENUM_VALUE, "0", "enumerator A: -2 in a signed target enum"));
    cs.add(new Case("e32_b_exists", e32, ENUM_EXISTS, "1", "enumerator B exists"));
    cs.add(new Case("e32_flavor", e32, ENUM_VALUE, "2", "enumerator C___x matches C"));
    cs.add(new Case("e32_range", e32, ENUM_VALUE, "3", "enumerator index past the last"));
    cs.add(new Case("e32_two", e32, ENUM_VALUE, "0:0", "two indices for an enumerator"));
    cs.add(
        new Case("enum_on_struct", foo, ENUM_VALUE, "0", "an enumerator relocation on a struct"));
    cs.add(
        new Case(
            "e64_big", e64, ENUM_VALUE, "0", "a 64-bit enumerator the 32-bit target enum lacks"));
    cs.add(
        new Case(
            "e64_neg", e64, ENUM_VALUE, "1", "a 64-bit enumerator found in a 32-bit target enum"));
    cs.add(new Case("e64_size", e64, TYPE_SIZE, "0", "ENUM64 locally, ENUM in the target"));
    cs.add(
        new Case(
            "bits_hi_off", bitsT, BYTE_OFF, "0:1", "a bitfield straddling 8 bytes in the target"));
    cs.add(new Case("bits_lo_lshift", bitsT, LSHIFT, "0:0", "left shift of a moved bitfield"));
    cs.add(new Case("bits_lo_rshift", bitsT, RSHIFT, "0:0", "right shift of a moved bitfield"));
    cs.add(new Case("bits_lo_size", bitsT, BYTE_SZ, "0:0", "load size of a moved bitfield"));
    cs.add(new Case("bits_lo_signed", bitsT, SIGNED, "0:0", "signedness of an unsigned bitfield"));
    cs.add(new Case("bits_lo_byte_off", bitsT, BYTE_OFF, "0:0", "load offset of a moved bitfield"));
    cs.add(new Case("deep_x", deep, BYTE_OFF, "0:0", "a target field 71 anonymous structs deep"));
    cs.add(new Case("memsz_s", memsz, BYTE_OFF, "0:0", "int became long: a load can't follow"));
    cs.add(new Case("memsz_u", memsz, BYTE_OFF, "0:1", "unsigned int became unsigned long: fine"));
    cs.add(new Case("memsz_p", memsz, BYTE_OFF, "0:2", "a pointer stays a pointer"));
    cs.add(
        new Case("memsz_lshift", memsz, LSHIFT, "0:1", "shifts for a plain (non-bitfield) field"));
    cs.add(new Case("grid_cell", grid, BYTE_OFF, "0:0:1:2", "an element of a 2-D array"));
    cs.add(new Case("grid_row", grid, BYTE_SZ, "0:0:1", "a row of a 2-D array"));
    cs.add(new Case("grid_off", grid, BYTE_OFF, "0:0", "a 2-D array field"));
    cs.add(
        new Case(
            "renum_e",
            renum,
            BYTE_OFF,
            "0:0",
            "enum fields of different names are not compatible"));
    return new Group("errors", l.bytes(), v.bytes(), Map.of(), cs);
  }

  /** Type relocations: compatibility and the stricter matching. */
  static Group matching() {
    TypeBuilder l = new TypeBuilder();
    int lInt = l.signedInt("int", 4);
    int lShort = l.signedInt("short", 2);
    int lLong = l.signedInt("long", 8);
    int lFwdInner = l.fwd("inner", false);
    int lPtrInner = l.ptr(lFwdInner);
    int fwdHolder = l.struct("holder___l", 8, m("p", lPtrInner, 0));
    int lFloat = l.floatType("float", 4);
    int myfloat = l.typedef("myfloat", lFloat);
    int lEnum = l.enum32("tm_e", 4, false, "X", 1);
    int lProto = l.funcProto(lInt, lInt, lLong);
    int lFnPtr = l.ptr(lProto);
    int fn = l.typedef("tm_fn", lFnPtr);
    int ti = l.typedef("tm_i", lShort);
    int lArr4 = l.array(lInt, lInt, 4);
    int arrS = l.struct("tm_arr", 16, m("a", lArr4, 0));
    int lAnonU = l.union("", 4, m("x", lInt, 0));
    int anonS = l.struct("tm_anon", 4, m("", lAnonU, 0));
    int lU = l.union("tm_u", 4, m("a", lInt, 0));
    int lStructPtr = l.ptr(lInt);
    int ptrS = l.struct("tm_ptr", 8, m("p", lStructPtr, 0));

    TypeBuilder v = new TypeBuilder();
    int vInt = v.signedInt("int", 4);
    int vLong = v.signedInt("long", 8);
    int vInner = v.struct("inner", 4, m("z", vInt, 0));
    int vPtrInner = v.ptr(vInner);
    v.struct("holder", 8, m("p", vPtrInner, 0));
    int vFloat = v.floatType("float", 4);
    v.typedef("myfloat", vFloat);
    v.enum64("tm_e", false, "X", 1);
    int vProto = v.funcProto(vInt, vInt);
    int vFnPtr = v.ptr(vProto);
    v.typedef("tm_fn", vFnPtr);
    v.typedef("tm_i", vInt);
    int vArr5 = v.array(vInt, vInt, 5);
    v.struct("tm_arr", 20, m("a", vArr5, 0));
    int vAnonU = v.union("", 8, m("x", vInt, 0), m("y", vLong, 0));
    v.struct("tm_anon", 8, m("", vAnonU, 0));
    v.struct("tm_u", 4, m("a", vInt, 0));
    int vStructPtr = v.ptr(vLong);
    v.struct("tm_ptr", 8, m("p", vStructPtr, 0));

    List<Case> cs = new ArrayList<>();
    for (int kind : new int[] {TYPE_EXISTS, TYPE_MATCHES, TYPE_SIZE, TARGET_ID}) {
      String k = RelocationKind.ofValue(kind).shortName();
      cs.add(
          new Case("holder_" + k, fwdHolder, kind, "0", "a forward declaration behind a pointer"));
      cs.add(new Case("float_" + k, myfloat, kind, "0", "typedef of a float"));
      cs.add(new Case("enum_" + k, lEnum, kind, "0", "enum of 4 bytes, ENUM64 of 8 in the target"));
      cs.add(new Case("fn_" + k, fn, kind, "0", "function pointers with 2 and 1 parameters"));
      cs.add(new Case("int_" + k, ti, kind, "0", "typedef of short vs typedef of int"));
      cs.add(new Case("arr_" + k, arrS, kind, "0", "int[4] vs int[5] member"));
      cs.add(new Case("anon_" + k, anonS, kind, "0", "anonymous union members"));
      cs.add(new Case("union_" + k, lU, kind, "0", "a local union, a target struct"));
      cs.add(new Case("ptr_" + k, ptrS, kind, "0", "int * vs long *"));
    }
    return new Group("matching", l.bytes(), v.bytes(), Map.of(), cs);
  }

  /** Candidates from kernel module BTFs when vmlinux has none. */
  static Group modules() {
    TypeBuilder l = new TypeBuilder();
    int lInt = l.signedInt("int", 4);
    int onlyMods = l.struct("only_in_modules", 4, m("x", lInt, 0));
    int inVmlinux = l.struct("in_vmlinux", 4, m("a", lInt, 0));
    int modB = l.struct("mod_b_only___flavor", 4, m("z", lInt, 0));
    int nowhere = l.struct("nowhere", 4, m("z", lInt, 0));

    TypeBuilder v = new TypeBuilder();
    int vInt = v.signedInt("int", 4);
    v.struct("in_vmlinux", 8, m("pad", vInt, 0), m("a", vInt, 32));
    Btf vm = v.build("modules/vmlinux.btf");

    TypeBuilder a = new TypeBuilder(vm);
    int aLong = a.signedInt("long", 8);
    a.struct("only_in_modules", 8, m("x", vInt, 0), m("y", vInt, 32));
    a.struct("in_vmlinux", 8, m("a", aLong, 0));
    TypeBuilder b = new TypeBuilder(vm);
    b.struct("only_in_modules", 8, m("y", vInt, 0), m("x", vInt, 32));
    b.struct("mod_b_only", 12, m("pad", vInt, 0), m("pad2", vInt, 32), m("z", vInt, 64));

    Map<String, byte[]> mods = new LinkedHashMap<>();
    mods.put("mod_a", a.bytes());
    mods.put("mod_b", b.bytes());
    List<Case> cs = new ArrayList<>();
    cs.add(
        new Case(
            "in_vmlinux_a",
            inVmlinux,
            BYTE_OFF,
            "0:0",
            "vmlinux has a candidate: modules are not searched"));
    cs.add(
        new Case(
            "only_mods_size",
            onlyMods,
            TYPE_SIZE,
            "0",
            "candidates from two modules agree on the size"));
    cs.add(
        new Case(
            "only_mods_x",
            onlyMods,
            BYTE_OFF,
            "0:0",
            "candidates from two modules disagree on the offset"));
    cs.add(new Case("mod_b_z", modB, BYTE_OFF, "0:0", "a flavor found in one module only"));
    cs.add(new Case("nowhere_z", nowhere, BYTE_OFF, "0:0", "in no BTF at all"));
    return new Group("modules", l.bytes(), v.bytes(), mods, cs);
  }
}
