package io.github.core4j.reloc.patch;

import io.github.core4j.reloc.ErrorCode;
import io.github.core4j.reloc.RelocationException;
import io.github.core4j.reloc.RelocationValues;
import java.nio.ByteOrder;

/**
 * Patches one instruction with a relocation's values, exactly as libbpf's {@code
 * bpf_core_patch_insn}:
 *
 * <ul>
 *   <li>a poisoned relocation turns the instruction (both halves of an ldimm64) into {@code call
 *       0xbad2310}, which the verifier rejects only if it is reachable;
 *   <li>ALU/ALU64 with an immediate operand: the immediate must equal the old value (when
 *       validated) and becomes the new one;
 *   <li>LDX/ST/STX: the offset must equal the old value, the new one must fit 16 bits (else
 *       ERANGE); if the field changed size the access size follows — unless the result says the
 *       size can't safely change, which poisons the instruction;
 *   <li>ldimm64 (not a map or other pseudo load): the 64-bit immediate is checked and replaced;
 *   <li>anything else is refused (EINVAL).
 * </ul>
 *
 * Like libbpf, fields are written in order, so a refusal can leave the offset already patched.
 */
public final class InsnPatcher {
  /** The immediate of the invalid call a poisoned instruction becomes: "bad relo". */
  public static final int POISON_IMM = 0xbad2310;

  private static final int SRC_X = 0x08;

  private InsnPatcher() {}

  /**
   * Patches instruction {@code index} of {@code insns} (raw instructions in {@code order}).
   *
   * @throws RelocationException when libbpf would refuse: EINVAL for an unexpected instruction,
   *     value or size, ERANGE for an offset beyond 16 bits
   */
  public static Patch patch(byte[] insns, int index, ByteOrder order, RelocationValues res) {
    if (index < 0 || index >= BpfInsn.count(insns)) {
      throw new RelocationException(
          ErrorCode.EINVAL,
          "instruction #" + index + " is outside the program (" + BpfInsn.count(insns) + ")");
    }
    int code = BpfInsn.code(insns, index);
    if (res.poisoned()) {
      return poison(insns, index, order);
    }
    long orig = res.oldValue();
    long value = res.newValue();
    switch (code & 0x07) {
      case BpfInsn.CLASS_ALU:
      case BpfInsn.CLASS_ALU64:
        {
          if ((code & SRC_X) != 0) {
            throw refuse(
                index, "is an ALU instruction with a register operand; only immediates relocate");
          }
          long imm = BpfInsn.imm(insns, index, order);
          if (res.validate() && imm != orig) {
            throw unexpected(index, "ALU/ALU64", imm, orig, value);
          }
          BpfInsn.setImm(insns, index, order, (int) value);
          return new Patch(Patch.Form.ALU, imm, value, 0, 0);
        }
      case BpfInsn.CLASS_LDX:
      case BpfInsn.CLASS_ST:
      case BpfInsn.CLASS_STX:
        {
          long off = BpfInsn.off(insns, index, order);
          if (res.validate() && off != orig) {
            throw unexpected(index, "LDX/ST/STX", off, orig, value);
          }
          if (Long.compareUnsigned(value, Short.MAX_VALUE) > 0) {
            throw new RelocationException(
                ErrorCode.ERANGE,
                "insn #"
                    + index
                    + " (LDX/ST/STX): offset "
                    + Long.toUnsignedString(value)
                    + " does not fit its 16 bits");
          }
          if (res.failMemSizeAdjust()) {
            // the field changed size in a way a load/store can't follow
            return poison(insns, index, order);
          }
          BpfInsn.setOff(insns, index, order, (short) value);
          if (res.newSize() != res.oldSize()) {
            int bytes = sizeBytes(code);
            if (bytes != res.oldSize()) {
              throw refuse(
                  index,
                  "(LDX/ST/STX) accesses "
                      + bytes
                      + " bytes, but the field it relocates has "
                      + res.oldSize());
            }
            int size = sizeCode(res.newSize());
            if (size < 0) {
              throw refuse(index, "(LDX/ST/STX) can't access " + res.newSize() + " bytes");
            }
            BpfInsn.setCode(insns, index, (code & 0xe0) | size | (code & 0x07));
          }
          return new Patch(
              Patch.Form.LDX_ST_STX,
              off,
              value,
              res.newSize() != res.oldSize() ? res.oldSize() : 0,
              res.newSize() != res.oldSize() ? res.newSize() : 0);
        }
      case BpfInsn.CLASS_LD:
        {
          if (code != BpfInsn.LD_IMM64
              || index + 1 >= BpfInsn.count(insns)
              || BpfInsn.src(insns, index, order) != 0
              || BpfInsn.off(insns, index, order) != 0
              || BpfInsn.code(insns, index + 1) != 0
              || BpfInsn.dst(insns, index + 1, order) != 0
              || BpfInsn.src(insns, index + 1, order) != 0
              || BpfInsn.off(insns, index + 1, order) != 0) {
            throw refuse(index, "(LDIMM64) has unexpected form");
          }
          long imm =
              Integer.toUnsignedLong(BpfInsn.imm(insns, index, order))
                  | (long) BpfInsn.imm(insns, index + 1, order) << 32;
          if (res.validate() && imm != orig) {
            throw unexpected(index, "LDIMM64", imm, orig, value);
          }
          BpfInsn.setImm(insns, index, order, (int) value);
          BpfInsn.setImm(insns, index + 1, order, (int) (value >>> 32));
          return new Patch(Patch.Form.LDIMM64, imm, value, 0, 0);
        }
      default:
        throw refuse(index, String.format("is of a class CO-RE can't relocate (code 0x%x)", code));
    }
  }

  /** Replaces the instruction (both halves of an ldimm64) by {@code call 0xbad2310}. */
  private static Patch poison(byte[] insns, int index, ByteOrder order) {
    if (BpfInsn.code(insns, index) == BpfInsn.LD_IMM64) {
      if (index + 1 >= BpfInsn.count(insns)) {
        throw refuse(index, "(LDIMM64) has no second half");
      }
      BpfInsn.set(insns, index + 1, order, BpfInsn.CALL, 0, 0, 0, POISON_IMM);
    }
    BpfInsn.set(insns, index, order, BpfInsn.CALL, 0, 0, 0, POISON_IMM);
    return new Patch(Patch.Form.POISON, 0, POISON_IMM, 0, 0);
  }

  private static int sizeBytes(int code) {
    switch (code & 0x18) {
      case 0x18:
        return 8;
      case 0x00:
        return 4;
      case 0x08:
        return 2;
      default:
        return 1;
    }
  }

  private static int sizeCode(int bytes) {
    switch (bytes) {
      case 8:
        return 0x18;
      case 4:
        return 0x00;
      case 2:
        return 0x08;
      case 1:
        return 0x10;
      default:
        return -1;
    }
  }

  private static RelocationException refuse(int index, String what) {
    return new RelocationException(ErrorCode.EINVAL, "insn #" + index + " " + what);
  }

  private static RelocationException unexpected(
      int index, String form, long got, long orig, long value) {
    return new RelocationException(
        ErrorCode.EINVAL,
        "unexpected insn #"
            + index
            + " ("
            + form
            + ") value: got "
            + got
            + ", expected "
            + Long.toUnsignedString(orig)
            + " (to become "
            + Long.toUnsignedString(value)
            + ")");
  }
}
