package io.github.core4j.reloc.reach;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reachability on hand-assembled programs: a poisoned instruction ({@code call 0xbad2310}) behind a
 * guard whose register CO-RE made constant is dead; anything the analysis can't decide stays
 * reachable.
 */
class ReachabilityTest {
  /** {@code if (bpf_core_field_exists(...)) { poisoned read }} with the field missing: dead. */
  @Test
  void guardRelocatedToZeroMakesThePoisonDead() {
    Asm a = new Asm().mov(1, 0).jeq(1, 0, 2).poison().movReg(6, 0).mov(0, 0).exit();
    Reachability.Reached r = Reachability.analyze(a.code(), 1, 0);
    assertFalse(r.contains(1, 2), "poisoned insn behind a false guard");
    assertFalse(r.contains(1, 3));
    assertTrue(r.contains(1, 4));
  }

  @Test
  void guardRelocatedToOneKeepsThePoisonReachable() {
    Asm a = new Asm().mov(1, 1).jeq(1, 0, 1).poison().mov(0, 0).exit();
    assertTrue(Reachability.analyze(a.code(), 1, 0).contains(1, 2));
  }

  @Test
  void unguardedPoisonIsReachable() {
    Asm a = new Asm().load(2, 1, 0).poison().exit();
    assertTrue(Reachability.analyze(a.code(), 1, 0).contains(1, 1));
  }

  @Test
  void unknownConditionTakesBothEdges() {
    Asm a = new Asm().load(1, 1, 0).jeq(1, 0, 1).poison().exit();
    assertTrue(Reachability.analyze(a.code(), 1, 0).contains(1, 2));
  }

  @Test
  void controlFlowAloneFoldsNothing() {
    Asm a = new Asm().mov(1, 0).jeq(1, 0, 1).poison().exit();
    assertTrue(Reachability.controlFlow(a.code(), 1, 0).contains(1, 2));
  }

  /** {@code bpf_core_enum_value_exists} loads a 64-bit immediate. */
  @Test
  void ldImm64ConstantsFold() {
    Asm a = new Asm().ldImm64(2, 0).jeq(2, 0, 1).poison().exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 3));
  }

  @Test
  void arithmeticOnKnownRegistersFolds() {
    // r1 = 3; r1 += 4; r2 = r1; if r2 == 7 skip the poison
    Asm a = new Asm().mov(1, 3).add(1, 4).movReg(2, 1).jeq(2, 7, 1).poison().exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 4));
  }

  @Test
  void twoKnownRegistersCompare() {
    // r1 = 8 (a relocated field size); r2 = 16; if r1 > r2 goto poison
    Asm a = new Asm().mov(1, 8).mov(2, 16).jgtReg(1, 2, 1).exit().poison().exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 4));
  }

  @Test
  void thirtyTwoBitJumpsCompareTheLowHalf() {
    // r1 = 0x1_0000_0000; if w1 == 0 skip the poison
    Asm a = new Asm().ldImm64(1, 0x1_0000_0000L).jeq32(1, 0, 1).poison().exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 3));
  }

  @Test
  void thirtyTwoBitMovesZeroExtend() {
    // w1 = -1 is 0xffffffff, not -1: if r1 == -1 (sign-extended imm) is false
    Asm a = new Asm().mov32(1, -1).jeq(1, -1, 1).exit().poison().exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 3));
  }

  @Test
  void pathsThatDisagreeForgetTheConstant() {
    // r1 is 0 on one path and 1 on the other: the guard after the join is undecided
    Asm a =
        new Asm()
            .load(2, 1, 0)
            .jeq(2, 0, 2) // 1
            .mov(1, 1) // 2
            .ja(1) // 3
            .mov(1, 0) // 4
            .jeq(1, 0, 1) // 5
            .poison() // 6
            .exit();
    assertTrue(Reachability.analyze(a.code(), 1, 0).contains(1, 6));
  }

  @Test
  void pathsThatAgreeKeepTheConstant() {
    Asm a =
        new Asm()
            .load(2, 1, 0)
            .jeq(2, 0, 2) // 1
            .mov(1, 0) // 2
            .ja(1) // 3
            .mov(1, 0) // 4
            .jeq(1, 0, 1) // 5
            .poison() // 6
            .exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 6));
  }

  @Test
  void theEqualEdgeLearnsTheValue() {
    // if r1 != 5 exit; now r1 == 5: if r1 == 5 skip the poison
    Asm a = new Asm().load(1, 1, 0).jne(1, 5, 3).jeq(1, 5, 1).poison().exit().exit();
    assertFalse(Reachability.analyze(a.code(), 1, 0).contains(1, 3));
  }

  @Test
  void helperCallsForgetArgumentRegistersButKeepCalleeSaved() {
    // r1 = 0; r6 = 0; call; if r6 == 0 skip; if r1 == 0 (unknown now) -> poison reachable
    Asm a =
        new Asm()
            .mov(1, 0)
            .mov(6, 0)
            .call(14)
            .jeq(6, 0, 1) // 3
            .poison() // 4: dead, r6 survived the call
            .jeq(1, 0, 1) // 5
            .poison() // 6: reachable, r1 did not
            .exit();
    Reachability.Reached r = Reachability.analyze(a.code(), 1, 0);
    assertFalse(r.contains(1, 4));
    assertTrue(r.contains(1, 6));
  }

  @Test
  void subprogramsSeeTheCallersArguments() {
    // main: r1 = 0; call sub; exit.   sub: if r1 == 0 goto out; poison; out: exit
    Asm a =
        new Asm()
            .mov(1, 0) // 0
            .callLocal(1) // 1 -> 3
            .exit() // 2
            .jeq(1, 0, 1) // 3
            .poison() // 4
            .mov(0, 0) // 5
            .exit(); // 6
    Reachability.Reached r = Reachability.analyze(a.code(), 1, 0);
    assertTrue(r.contains(1, 3), "the subprogram is reachable");
    assertFalse(r.contains(1, 4), "its poison is guarded by the caller's constant");
  }

  @Test
  void subprogramsInAnotherSectionAreFoundThroughTheirRelocation() {
    // section 1: call (relocated against section 2, symbol at 0) -> section 2 insn 0
    Asm prog = new Asm().insn(0x85, 0, 1, 0, -1).exit();
    Asm text = new Asm().poison().exit();
    Code code = new Code(Asm.LE).section(1, prog.bytes()).section(2, text.bytes());
    code.reference(1, 0, 2, 0);
    assertTrue(Reachability.analyze(code, 1, 0).contains(2, 0));
  }

  @Test
  void callbacksAreReachableFromTheirAddress() {
    // r2 = callback (ld_imm64 relocated against section 2 + 8 bytes): section 2 insn 1
    Asm prog = new Asm().ldImm64(2, 8).call(181).exit();
    Asm text = new Asm().exit().poison().exit();
    Code code = new Code(Asm.LE).section(1, prog.bytes()).section(2, text.bytes());
    code.reference(1, 0, 2, 0);
    Reachability.Reached r = Reachability.analyze(code, 1, 0);
    assertTrue(r.contains(2, 1));
    assertFalse(r.contains(2, 0));
  }

  @Test
  void nothingAfterAPoisonedCallRuns() {
    Asm a = new Asm().poison().poison().exit();
    Reachability.Reached r = Reachability.analyze(a.code(), 1, 0);
    assertTrue(r.contains(1, 0));
    assertFalse(r.contains(1, 1), "the verifier stops at the first invalid call");
  }

  @Test
  void loopsConverge() {
    // r1 = 0; loop: r1 += 1; if r1 != 10 goto loop; poison
    Asm a = new Asm().mov(1, 0).add(1, 1).jne(1, 10, -2).poison().exit();
    assertTrue(Reachability.analyze(a.code(), 1, 0).contains(1, 3));
  }
}
