package io.github.core4j.reloc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.ext.BtfExtSection;
import io.github.core4j.btf.ext.CoreRelo;
import io.github.core4j.reloc.patch.InsnPatcher;
import io.github.core4j.testing.AllocationBudget;
import io.github.core4j.testing.ErrorMessages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of relocation: an object's BTF and {@code .BTF.ext} (CO-RE records) and a
 * small target BTF, all from the input, go through the path {@code core4j reloc} and {@code check}
 * take — the object's BTF parsed and validated (as opening an object does), the target only parsed
 * (kernel BTF is not validated), every record relocated in order with the candidate cache, each
 * result patched into a run of instructions. Replays {@code RelocationFuzzTestInputs/} in the
 * normal test run; {@code JAZZER_FUZZ=1} fuzzes (see FUZZING.md).
 *
 * <p>Input layout: {@code u32 localLen, u32 extLen} (little-endian), the object's BTF, its {@code
 * .BTF.ext}, then the target BTF (the rest). The only exceptions allowed are {@link
 * BtfFormatException} for bad BTF and {@link RelocationException} from relocation or patching;
 * cyclic target types must neither loop nor overflow the stack.
 */
class RelocationFuzzTest {
  /** Instructions the results are patched into: {@code r1 = 0} (ALU64 mov imm), repeated. */
  private static final byte[] MOV_R1_0 = {(byte) 0xb7, 0x01, 0, 0, 0, 0, 0, 0};

  @FuzzTest(maxDuration = "5m")
  void relocate(byte[] data) {
    if (data.length < 8) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int rest = data.length - 8;
    int localLen = Integer.remainderUnsigned(b.getInt(0), rest + 1);
    int extLen = Integer.remainderUnsigned(b.getInt(4), rest - localLen + 1);
    byte[] localBytes = Arrays.copyOfRange(data, 8, 8 + localLen);
    byte[] extBytes = Arrays.copyOfRange(data, 8 + localLen, 8 + localLen + extLen);
    byte[] targetBytes = Arrays.copyOfRange(data, 8 + localLen + extLen, data.length);
    Btf local;
    BtfExt ext;
    Btf target;
    try {
      local =
          AllocationBudget.parse(
              localLen, "BTF parse", () -> Btf.parse(localBytes, "fuzz.o (.BTF)").validate());
      Btf parsedLocal = local;
      ext =
          AllocationBudget.parse(
              extLen,
              ".BTF.ext parse",
              () -> BtfExt.parse(extBytes, parsedLocal, "fuzz.o (.BTF.ext)"));
      target =
          AllocationBudget.parse(
              targetBytes.length, "BTF parse", () -> Btf.parse(targetBytes, "fuzz-vmlinux"));
    } catch (BtfFormatException expected) {
      ErrorMessages.check(expected, "fuzz");
      return;
    }
    Relocator relocator = new Relocator(local, Targets.of(target).withByteOrder(local.byteOrder()));
    for (BtfExtSection<CoreRelo> s : ext.coreRelos().sections()) {
      for (CoreRelo r : s.records()) {
        RelocationResult res;
        try {
          res = relocator.relocate(r);
        } catch (RelocationException expected) {
          ErrorMessages.oneLine(expected);
          continue;
        }
        // the specs as reports print them (libbpf's notation)
        res.localSpec().ifPresent(AccessSpec::describe);
        res.targetSpec().ifPresent(AccessSpec::describe);
        if (!res.succeeded()) {
          continue;
        }
        int insn = Integer.remainderUnsigned(r.insnOff(), 64 * 8) / 8;
        byte[] code = new byte[(insn + 2) * MOV_R1_0.length];
        for (int i = 0; i < code.length; i += MOV_R1_0.length) {
          System.arraycopy(MOV_R1_0, 0, code, i, MOV_R1_0.length);
        }
        try {
          InsnPatcher.patch(code, insn, local.byteOrder(), res.values().orElseThrow());
        } catch (RelocationException expected) {
          // the instruction does not hold the value the local type gives, or has the wrong form
          ErrorMessages.oneLine(expected);
        }
      }
    }
  }
}
