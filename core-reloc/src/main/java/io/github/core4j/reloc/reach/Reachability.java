package io.github.core4j.reloc.reach;

import io.github.core4j.elf.bpf.BpfInsn;
import io.github.core4j.elf.bpf.InsnClass;
import io.github.core4j.reloc.patch.InsnPatcher;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which instructions of a program the verifier can reach, once CO-RE relocation has turned guards
 * like {@code bpf_core_field_exists()} into constants: a constant-propagation analysis over the
 * program's control-flow graph (subprograms and callbacks included) that folds conditional jumps
 * whose operands are known.
 *
 * <p>A register is known after {@code mov} of an immediate or a known register, a 64-bit immediate
 * load ({@code ld_imm64} of a plain value), or arithmetic on known operands (relocated immediates
 * included); loads from memory, calls (r0–r5) and anything else make it unknown, and where paths
 * meet a register stays known only if all paths agree. A conditional jump with both operands known
 * follows one edge; otherwise both (and on the edge where {@code ==} holds, the unknown operand
 * becomes the known one). The verifier tracks more (ranges, stack, pointers), so this analysis may
 * find reachable what the verifier proves dead — never the reverse for the constants CO-RE
 * produces.
 *
 * <p>Calls to subprograms analyse the callee with the caller's argument registers (joined over all
 * call sites); the caller continues with r0–r5 unknown and r6–r9 kept. A callback's address makes
 * the callback reachable, with nothing known.
 */
public final class Reachability {
  private static final int MAX_VISITS = 1 << 22;

  private final Code code;
  private final ByteOrder order;
  private final boolean fold;
  private final Map<Long, Registers> states = new HashMap<>();
  private final ArrayDeque<Long> work = new ArrayDeque<>();

  private Reachability(Code code, boolean fold) {
    this.code = code;
    this.order = code.order();
    this.fold = fold;
  }

  /**
   * The instructions reachable from {@code entry} of {@code section}, folding jumps on known
   * constants.
   */
  public static Reached analyze(Code code, int section, int entry) {
    return new Reachability(code, true).run(section, entry);
  }

  /**
   * The instructions reachable from {@code entry} of {@code section} in the control-flow graph
   * alone, every jump taken both ways.
   */
  public static Reached controlFlow(Code code, int section, int entry) {
    return new Reachability(code, false).run(section, entry);
  }

  private Reached run(int section, int entry) {
    propagate(Code.position(section, entry), Registers.unknown());
    int visits = 0;
    while (!work.isEmpty()) {
      long pos = work.poll();
      if (++visits > MAX_VISITS) {
        throw new IllegalStateException("reachability did not converge at " + describe(pos));
      }
      step(pos, java.util.Objects.requireNonNull(states.get(pos)).copy());
    }
    return new Reached(states.keySet(), code);
  }

  private void propagate(long pos, Registers in) {
    Registers old = states.get(pos);
    if (old == null) {
      states.put(pos, in);
      work.add(pos);
    } else if (old.join(in)) {
      work.add(pos);
    }
  }

  private void step(long pos, Registers r) {
    int sec = Code.sectionOf(pos);
    int pc = Code.insnOf(pos);
    byte[] insns = code.insns(sec);
    int count = insns == null ? 0 : insns.length / BpfInsn.SIZE;
    if (insns == null || pc < 0 || pc >= count) {
      return; // out of the code: the verifier rejects such jumps; nothing to reach there
    }
    BpfInsn insn = BpfInsn.decode(insns, pc * BpfInsn.SIZE, order);
    int opcode = insn.opcode();
    int dst = insn.dst();
    int src = insn.src();
    int off = insn.off();
    int imm = insn.imm();
    switch (insn.insnClass()) {
      case LD:
        if (insn.isLdImm64() && pc + 1 < count) {
          Code.Reference ref = code.reference(sec, pc);
          if (ref != null && code.insns(ref.section()) != null) {
            // a callback's address: the callback runs whenever a helper calls it
            long target = (ref.symbolValue() + imm) / BpfInsn.SIZE;
            propagate(Code.position(ref.section(), (int) target), Registers.unknown());
            r.forget(dst);
          } else if (src == 0 && ref == null) {
            r.set(dst, insn.imm64(BpfInsn.decode(insns, (pc + 1) * BpfInsn.SIZE, order)));
          } else {
            r.forget(dst);
          }
          propagate(Code.position(sec, pc + 2), r);
        } else {
          r.clobberCall(); // legacy packet loads: r0 set, r1-r5 scratched
          propagate(Code.position(sec, pc + 1), r);
        }
        return;
      case LDX:
        r.forget(dst);
        propagate(Code.position(sec, pc + 1), r);
        return;
      case ST:
        propagate(Code.position(sec, pc + 1), r);
        return;
      case STX:
        if ((opcode & 0xe0) == 0xc0) { // atomic: fetch forms write src, cmpxchg writes r0
          r.forget(src);
          r.forget(0);
        }
        propagate(Code.position(sec, pc + 1), r);
        return;
      case ALU:
      case ALU64:
        alu(opcode, insn.insnClass() == InsnClass.ALU64, dst, src, off, imm, r);
        propagate(Code.position(sec, pc + 1), r);
        return;
      case JMP:
      case JMP32:
        jump(sec, pc, opcode, insn.insnClass() == InsnClass.JMP32, dst, src, off, imm, r);
        return;
    }
  }

  private void alu(int opcode, boolean is64, int dst, int src, int off, int imm, Registers r) {
    int op = opcode & 0xf0;
    boolean regSource = (opcode & 0x08) != 0;
    if (op == Alu.MOV && !regSource && off == 0) {
      r.set(dst, is64 ? imm : Integer.toUnsignedLong(imm));
      return;
    }
    boolean needsDst = op != Alu.MOV;
    boolean needsSrc = op != Alu.NEG && op != Alu.END && regSource;
    if ((needsDst && !r.isKnown(dst)) || (needsSrc && !r.isKnown(src))) {
      r.forget(dst);
      return;
    }
    long a = r.get(dst);
    long b = op == Alu.END || op == Alu.NEG ? 0 : regSource ? r.get(src) : (long) imm;
    OptionalLong v = Alu.compute(op, is64, a, b, off, imm, regSource, order);
    if (v.isPresent()) {
      r.set(dst, v.getAsLong());
    } else {
      r.forget(dst);
    }
  }

  private void jump(
      int sec, int pc, int opcode, boolean is32, int dst, int src, int off, int imm, Registers r) {
    int op = opcode & 0xf0;
    if (op == Conditions.EXIT) {
      return;
    }
    if (op == Conditions.JA) {
      propagate(Code.position(sec, pc + 1 + (is32 ? imm : off)), r);
      return;
    }
    if (op == Conditions.CALL) {
      call(sec, pc, src, imm, r);
      return;
    }
    if (!Conditions.isConditional(op)) {
      return; // an opcode the verifier rejects: nothing after it runs
    }
    boolean regSource = (opcode & 0x08) != 0;
    long target = pc + 1L + off;
    boolean dstKnown = r.isKnown(dst);
    boolean srcKnown = !regSource || r.isKnown(src);
    long srcValue = regSource ? r.get(src) : (long) imm;
    if (fold && dstKnown && srcKnown) {
      boolean taken = Conditions.taken(op, r.get(dst), srcValue, is32);
      propagate(Code.position(sec, taken ? (int) target : pc + 1), r);
      return;
    }
    Registers takenState = r.copy();
    Registers fallState = r;
    if (fold && !is32 && (op == Conditions.JEQ || op == Conditions.JNE)) {
      // on the edge where the operands are equal, the unknown one takes the known one's value
      Registers equal = op == Conditions.JEQ ? takenState : fallState;
      if (srcKnown && !dstKnown) {
        equal.set(dst, srcValue);
      } else if (dstKnown && regSource) {
        equal.set(src, r.get(dst));
      }
    }
    propagate(Code.position(sec, (int) target), takenState);
    propagate(Code.position(sec, pc + 1), fallState);
  }

  private void call(int sec, int pc, int src, int imm, Registers r) {
    if (src == 1) { // a BPF-to-BPF call
      Code.Reference ref = code.reference(sec, pc);
      long target;
      int targetSec;
      if (ref != null && code.insns(ref.section()) != null) {
        targetSec = ref.section();
        target = ref.symbolValue() / BpfInsn.SIZE + imm + 1;
      } else {
        targetSec = sec;
        target = pc + 1L + imm;
      }
      Registers callee = Registers.unknown();
      for (int a = 1; a <= 5; a++) {
        if (r.isKnown(a)) {
          callee.set(a, r.get(a));
        }
      }
      propagate(Code.position(targetSec, (int) target), callee);
    } else if (src == 0 && imm == InsnPatcher.POISON_IMM) {
      return; // the verifier stops here: "invalid func unknown#195896080"
    }
    r.clobberCall(); // r6-r9 survive any call
    propagate(Code.position(sec, pc + 1), r);
  }

  private static String describe(long pos) {
    return "section " + Code.sectionOf(pos) + " insn #" + Code.insnOf(pos);
  }

  /** The instructions an analysis reached. */
  public static final class Reached {
    private final java.util.Set<Long> positions;
    private final Code code;

    Reached(java.util.Set<Long> positions, Code code) {
      this.positions = java.util.Set.copyOf(positions);
      this.code = code;
    }

    /** Whether instruction {@code insn} of {@code section} is reachable. */
    public boolean contains(int section, int insn) {
      return positions.contains(Code.position(section, insn));
    }

    /** How many instructions are reachable. */
    public int size() {
      return positions.size();
    }

    /** The code analysed. */
    public Code code() {
      return code;
    }

    /** Every reachable instruction as {@link Code#position}s. */
    public java.util.Set<Long> positions() {
      return positions;
    }

    @Override
    public String toString() {
      return "Reached[" + positions.size() + " insns]";
    }
  }
}
