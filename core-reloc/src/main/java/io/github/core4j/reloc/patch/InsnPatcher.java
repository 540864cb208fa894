package io.github.core4j.reloc.patch;

import io.github.core4j.elf.bpf.BpfInsn;
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

  /** {@code BPF_JMP | BPF_CALL}. */
  private static final int CALL = 0x85;

  private InsnPatcher() {}

  /**
   * Patches instruction {@code index} of {@code insns} (raw instructions in {@code order}).
   *
   * @throws RelocationException when libbpf would refuse: EINVAL for an unexpected instruction,
   *     value or size, ERANGE for an offset beyond 16 bits
   */
  public static Patch patch(byte[] insns, int index, ByteOrder order, RelocationValues res) {
    int count = insns.length / BpfInsn.SIZE;
    if (index < 0 || index >= count) {
      throw new RelocationException(
          ErrorCode.EINVAL, "instruction #" + index + " is outside the program (" + count + ")");
    }
    BpfInsn insn = read(insns, index, order);
    int code = insn.opcode();
    if (res.poisoned()) {
      return poison(insns, index, order);
    }
    long orig = res.oldValue();
    long value = res.newValue();
    switch (insn.insnClass()) {
      case ALU:
      case ALU64:
        {
          if ((code & SRC_X) != 0) {
            throw refuse(
                index, "is an ALU instruction with a register operand; only immediates relocate");
          }
          long imm = insn.imm();
          if (res.validate() && imm != orig) {
            throw unexpected(index, "ALU/ALU64", imm, orig, value);
          }
          write(insns, index, order, insn.withImm((int) value));
          return new Patch(Patch.Form.ALU, imm, value, 0, 0);
        }
      case LDX:
      case ST:
      case STX:
        {
          long off = insn.off();
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
          insn = insn.withOff((int) value);
          write(insns, index, order, insn);
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
            write(insns, index, order, insn.withOpcode((code & 0xe0) | size | (code & 0x07)));
          }
          return new Patch(
              Patch.Form.LDX_ST_STX,
              off,
              value,
              res.newSize() != res.oldSize() ? res.oldSize() : 0,
              res.newSize() != res.oldSize() ? res.newSize() : 0);
        }
      case LD:
        {
          if (!insn.isLdImm64() || index + 1 >= count || insn.src() != 0 || insn.off() != 0) {
            throw refuse(index, "(LDIMM64) has unexpected form");
          }
          BpfInsn next = read(insns, index + 1, order);
          if (next.opcode() != 0 || next.dst() != 0 || next.src() != 0 || next.off() != 0) {
            throw refuse(index, "(LDIMM64) has unexpected form");
          }
          long imm = insn.imm64(next);
          if (res.validate() && imm != orig) {
            throw unexpected(index, "LDIMM64", imm, orig, value);
          }
          write(insns, index, order, insn.withImm((int) value));
          write(insns, index + 1, order, next.withImm((int) (value >>> 32)));
          return new Patch(Patch.Form.LDIMM64, imm, value, 0, 0);
        }
      case JMP:
      case JMP32:
      default:
        throw refuse(index, String.format("is of a class CO-RE can't relocate (code 0x%x)", code));
    }
  }

  /** Replaces the instruction (both halves of an ldimm64) by {@code call 0xbad2310}. */
  private static Patch poison(byte[] insns, int index, ByteOrder order) {
    BpfInsn badCall = new BpfInsn(CALL, 0, 0, 0, POISON_IMM);
    if (read(insns, index, order).isLdImm64()) {
      if (index + 1 >= insns.length / BpfInsn.SIZE) {
        throw refuse(index, "(LDIMM64) has no second half");
      }
      write(insns, index + 1, order, badCall);
    }
    write(insns, index, order, badCall);
    return new Patch(Patch.Form.POISON, 0, POISON_IMM, 0, 0);
  }

  private static BpfInsn read(byte[] insns, int index, ByteOrder order) {
    return BpfInsn.decode(insns, index * BpfInsn.SIZE, order);
  }

  private static void write(byte[] insns, int index, ByteOrder order, BpfInsn insn) {
    insn.encode(insns, index * BpfInsn.SIZE, order);
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
