package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How relocations fail, one path per test, on the hand-built BTF of {@link HandBuilt}. Each test
 * states the input, libbpf's answer (from {@code testdata/reloc/handmade/<group>/answers.txt},
 * computed by libbpf 1.1's own engine) and core4j's.
 */
class ErrorPathsTest {
  /** One case: libbpf's answer and core4j's result. */
  record Outcome(CalcAnswer libbpf, RelocationResult ours) {
    String message() {
      return ours.failure().orElseThrow().getMessage();
    }
  }

  private static final Map<String, Map<String, RelocationResult>> OURS = new java.util.HashMap<>();

  static Outcome outcome(String group, String label) {
    HandBuilt.Group g = HandBuilt.group(group);
    Map<String, RelocationResult> ours =
        OURS.computeIfAbsent(group, k -> HandBuiltCasesTest.relocate(g));
    CalcAnswer answer =
        CalcAnswer.read(HandBuiltCasesTest.dir(g).resolve("answers.txt")).get(label);
    return new Outcome(answer, ours.get(label));
  }

  // ---- no candidate: not an error; existence checks say 0, type relocations 0, the rest poison

  @Test
  void noCandidateFieldOffsetPoisonsTheInstruction() {
    Outcome o = outcome("errors", "nothere_off"); // byte_off struct nothere.x, no nothere in target
    assertTrue(o.libbpf().poison());
    assertTrue(o.ours().succeeded());
    assertTrue(o.ours().poisoned());
    assertTrue(o.ours().targetSpec().isEmpty());
  }

  @Test
  void noCandidateExistenceAndTypeRelocationsAreZero() {
    for (String label :
        new String[] {
          "nothere_exists", "nothere_type_exists", "nothere_type_size", "nothere_target_id"
        }) {
      Outcome o = outcome("errors", label);
      assertEquals(0, o.libbpf().newValue(), label);
      assertFalse(o.libbpf().poison(), label);
      assertEquals(0, o.ours().newValue(), label);
      assertFalse(o.ours().poisoned(), label);
    }
  }

  @Test
  void noCandidateEnumeratorValuePoisons() {
    Outcome o = outcome("errors", "e64_big"); // enumerator BIG only in the local ENUM64
    assertTrue(o.libbpf().poison());
    assertTrue(o.ours().poisoned());
  }

  // ---- ambiguity: every matching candidate must agree

  @Test
  void candidatesAtDifferentOffsetsFail() {
    Outcome o = outcome("errors", "amb_off"); // two 'struct amb', x at bytes 0 and 4
    assertEquals(-22, o.libbpf().err());
    assertTrue(o.libbpf().warnings().get(0).startsWith("field offset ambiguity"));
    assertEquals(ErrorCode.EINVAL, o.ours().failure().get().code());
    assertTrue(
        o.message().contains("field offset ambiguity for struct amb___local.x"), o.message());
    assertTrue(o.message().contains("struct amb.x (0:1 @ offset 4)"), o.message());
  }

  @Test
  void candidatesWithDifferentValuesFail() {
    Outcome o = outcome("errors", "ambsz_size"); // same offset, int vs long: byte_sz 4 vs 8
    assertEquals(-22, o.libbpf().err());
    assertTrue(o.libbpf().warnings().get(0).startsWith("relocation decision ambiguity"));
    assertTrue(o.message().contains("relocation decision ambiguity"), o.message());
    assertTrue(o.message().contains("success 8") && o.message().contains("success 4"), o.message());
  }

  @Test
  void candidatesThatAgreeAreFine() {
    Outcome o = outcome("errors", "same_x"); // two identical 'struct same'
    assertEquals(0, o.libbpf().err());
    assertEquals(2, o.ours().candidates().size());
    assertTrue(o.ours().candidates().stream().allMatch(CandidateAttempt::matched));
    assertTrue(o.ours().succeeded());
  }

  @Test
  void aMatchPrunesTheCandidatesOfItsLocalType() {
    // pick_first matches only the first 'struct pick'; the second is dropped from the cache, so
    // only_in_second, which only the second has, is then not found
    assertEquals(1, outcome("errors", "pick_second").libbpf().candidates().size());
    assertTrue(outcome("errors", "pick_second").libbpf().poison());
    Outcome o = outcome("errors", "pick_second");
    assertEquals(1, o.ours().candidates().size());
    assertTrue(o.ours().poisoned());
  }

  // ---- access strings libbpf rejects: the relocation fails with EINVAL

  @Test
  void malformedAccessStringsFail() {
    for (String label :
        new String[] {
          "access_empty",
          "access_colon",
          "access_trailing",
          "access_double",
          "access_letter",
          "access_suffix",
          "access_65",
          "type_access_1",
          "type_access_00",
          "e32_two",
          "unknown_kind"
        }) {
      Outcome o = outcome("errors", label);
      assertEquals(-22, o.libbpf().err(), label);
      assertEquals(ErrorCode.EINVAL, o.ours().failure().get().code(), label);
      assertTrue(
          o.message().startsWith("parsing [6] struct foo + ") || label.startsWith("e32"),
          o.message());
    }
    assertTrue(outcome("errors", "access_65").message().contains("more than 64 components"));
    assertTrue(outcome("errors", "access_double").message().contains("no number at position 2"));
  }

  @Test
  void accessStringsAreReadLikeSscanf() {
    // " 0: 1", "+0:+1" and "0:4294967297" all mean 0:1 to libbpf
    for (String label : new String[] {"access_spaces", "access_plus", "access_wrap"}) {
      Outcome o = outcome("errors", label);
      assertEquals(0, o.libbpf().err(), label);
      assertEquals(
          "<byte_off> [6] struct foo.b (0:1 @ offset 4)", o.ours().localSpec().get().format());
    }
  }

  @Test
  void negativeIndexIsRejected() {
    // libbpf 1.1 crashes on "0:-1"; libbpf 1.2+ and core4j reject it
    Outcome o = outcome("errors", "access_negative");
    assertTrue(o.libbpf().crashed());
    assertTrue(o.message().contains("negative index -1"), o.message());
  }

  // ---- indices out of range

  @Test
  void memberIndexOutOfRangeFails() {
    Outcome o = outcome("errors", "member_range"); // foo has 4 members, access 0:9
    assertEquals(-22, o.libbpf().err());
    assertTrue(
        o.message()
            .contains(
                "member index 9 (component 1) is out of range for [6] struct foo with 4 members"),
        o.message());
  }

  @Test
  void arrayIndexOutOfRangeFails() {
    Outcome o = outcome("errors", "array_range"); // foo.arr has 4 elements, access 0:3:4
    assertEquals(-22, o.libbpf().err());
    assertTrue(
        o.message()
            .contains("array index 4 (component 2) is out of range for foo.arr with 4 elements"),
        o.message());
  }

  @Test
  void targetArrayTooShortIsNoMatch() {
    Outcome o = outcome("errors", "foo_arr3"); // foo.arr[3], the target's arr has 2 elements
    assertTrue(o.libbpf().poison());
    assertEquals(
        "<byte_off> [8] struct foo.arr (0:4 @ offset 20)",
        o.ours().candidates().get(0).spec().format());
    assertTrue(o.ours().poisoned());
  }

  @Test
  void flexibleArrayMembersTakeAnyIndex() {
    Outcome o = outcome("errors", "flex_100"); // struct flex { int n; int data[]; }: data[100]
    assertEquals(416, o.libbpf().newValue());
    assertEquals(416, o.ours().newValue());
    Outcome notFlex = outcome("errors", "notflex_1"); // data[0] is not the last member
    assertEquals(-22, notFlex.libbpf().err());
    assertTrue(notFlex.message().contains("array index 1"), notFlex.message());
  }

  @Test
  void steppingIntoAScalarFails() {
    Outcome o = outcome("errors", "into_int"); // 0:0:0: foo.a is an int
    assertEquals(-22, o.libbpf().err());
    assertTrue(o.message().contains("steps into [1] int int at component 2"), o.message());
  }

  @Test
  void signedOnAnArrayElementFails() {
    Outcome o = outcome("errors", "foo_arr_signed");
    assertEquals(-22, o.libbpf().err());
    assertTrue(o.message().contains("can't be applied to array access foo.arr[1]"), o.message());
  }

  // ---- local types that can't be relocated

  @Test
  void anonymousLocalTypesHaveNoCandidates() {
    Outcome o = outcome("errors", "anon_off");
    assertEquals(-22, o.libbpf().err());
    assertTrue(o.message().contains("[15] struct <anon>"), o.message());
    assertEquals(15, outcome("errors", "anon_local_id").ours().newValue()); // local ids are fine
  }

  @Test
  void unknownLocalTypeIdFails() {
    Outcome o = outcome("errors", "bad_id");
    assertEquals(-22, o.libbpf().err());
    assertTrue(o.message().contains("local type id 9999 does not exist"), o.message());
  }

  // ---- E2BIG

  @Test
  void aBitfieldNoLoadCoversFails() {
    Outcome o = outcome("errors", "bits_hi_off"); // target 'hi': 8 bits at bit 60 of a uint
    assertEquals(-7, o.libbpf().err());
    assertEquals(ErrorCode.E2BIG, o.ours().failure().get().code());
    assertTrue(
        o.message()
            .contains("bitfield bits.hi (8 bits at bit 60) can't be read with one 64-bit load"),
        o.message());
  }

  @Test
  void targetNestingDeeperThan64Fails() {
    Outcome o = outcome("errors", "deep_x"); // x sits 71 anonymous structs deep in the target
    assertEquals(-7, o.libbpf().err());
    assertEquals(ErrorCode.E2BIG, o.ours().failure().get().code());
    assertTrue(o.message().startsWith("error matching candidate #0"), o.message());
  }

  // ---- values

  @Test
  void enumeratorValuesAreSignExtended() {
    Outcome o = outcome("errors", "e32_a"); // target: A = -2 in a signed 32-bit enum
    assertEquals(-2L, o.libbpf().newValue());
    assertEquals(-2L, o.ours().newValue());
  }

  @Test
  void loadsThatWouldChangeSignednessOrKindCannotBeResized() {
    assertTrue(outcome("errors", "memsz_s").libbpf().failMemSizeAdjust()); // int -> long
    assertTrue(outcome("errors", "memsz_s").ours().values().get().failMemSizeAdjust());
    assertFalse(outcome("errors", "memsz_u").ours().values().get().failMemSizeAdjust()); // u32->u64
    assertFalse(outcome("errors", "memsz_p").ours().values().get().failMemSizeAdjust()); // pointers
  }

  // ---- modules

  @Test
  void modulesAreSearchedOnlyWhenVmlinuxHasNoCandidate() {
    Outcome v = outcome("modules", "in_vmlinux_a");
    assertEquals(1, v.ours().candidates().size());
    assertEquals("vmlinux", v.ours().candidates().get(0).source().name());
    Outcome m = outcome("modules", "mod_b_z");
    assertEquals("mod_b", m.ours().target().get().source().name());
    assertEquals(8, m.libbpf().newValue());
    assertEquals(8, m.ours().newValue());
    Outcome both = outcome("modules", "only_mods_x"); // both modules have it, at different offsets
    assertEquals(-22, both.libbpf().err());
    assertEquals(2, both.ours().candidates().size());
    assertFalse(both.ours().succeeded());
  }
}
