package io.github.core4j.elf.bpf;

import org.jspecify.annotations.Nullable;

/**
 * Shows BPF instructions in LLVM's assembly syntax, exactly as {@code llvm-objdump -d} (LLVM 19,
 * default features) prints them: hexadecimal immediates, {@code r} registers for loads and stores,
 * and {@code <unknown>} for encodings LLVM's decoder rejects (including its quirks: the 32-bit
 * fetch atomics need {@code +alu32}, register fields above 11 are invalid, and fields an
 * instruction does not use are not checked). LLVM 16 prints the same text for every encoding it
 * knows; it lacks JSET, ST with an immediate, {@code may_goto} and all cpu v4 instructions.
 */
public final class BpfDisassembler {
  private static final int MAX_REG = 11;

  private BpfDisassembler() {}

  /**
   * Decodes {@code insn}; {@code next} is the following slot (null when there is none), needed by
   * {@code LD_IMM64}.
   */
  public static Disassembled disassemble(BpfInsn insn, @Nullable BpfInsn next) {
    return switch (insn.insnClass()) {
      case ALU, ALU64 -> alu(insn);
      case JMP, JMP32 -> jmp(insn);
      case LD -> ld(insn, next);
      case LDX -> ldx(insn);
      case ST -> st(insn);
      case STX -> stx(insn);
    };
  }

  /** The text of {@code insn} alone ({@code LD_IMM64} needs its second slot: use the pair form). */
  public static String text(BpfInsn insn, @Nullable BpfInsn next) {
    return disassemble(insn, next).text();
  }

  private static Disassembled alu(BpfInsn i) {
    boolean is64 = i.insnClass() == InsnClass.ALU64;
    String p = is64 ? "r" : "w";
    AluOp op = i.aluOp();
    boolean x = i.source() == Source.X;
    if (op == null || i.dst() > MAX_REG || (x && needsSrc(op) && i.src() > MAX_REG)) {
      return Disassembled.unknown();
    }
    String d = p + i.dst();
    String s = p + i.src();
    switch (op) {
      case ADD, SUB, MUL, OR, AND, LSH, RSH, XOR, ARSH -> {
        if (i.off() != 0) {
          return Disassembled.unknown();
        }
        return Disassembled.of(d + " " + aluSymbol(op) + "= " + (x ? s : imm(i.imm())));
      }
      case DIV, MOD -> {
        if (i.off() != 0 && i.off() != 1) {
          return Disassembled.unknown();
        }
        String sign = i.off() == 1 ? "s" : "";
        return Disassembled.of(d + " " + sign + aluSymbol(op) + "= " + (x ? s : imm(i.imm())));
      }
      case NEG -> {
        return x ? Disassembled.unknown() : Disassembled.of(d + " = -" + d);
      }
      case MOV -> {
        if (!x) {
          return i.off() == 0 ? Disassembled.of(d + " = " + imm(i.imm())) : Disassembled.unknown();
        }
        int off = i.off();
        if (off == 0) {
          return Disassembled.of(d + " = " + s);
        }
        if (off == 8 || off == 16 || (off == 32 && is64)) {
          return Disassembled.of(d + " = (s" + off + ")" + s);
        }
        if (off == 1 && is64) {
          // arena pointer cast: imm holds the destination and source address spaces
          return Disassembled.of(
              d
                  + " = addr_space_cast("
                  + s
                  + ", "
                  + imm(i.imm() >>> 16)
                  + ", "
                  + imm(i.imm() & 0xffff)
                  + ")");
        }
        return Disassembled.unknown();
      }
      case END -> {
        int width = i.imm();
        if (width != 16 && width != 32 && width != 64) {
          return Disassembled.unknown();
        }
        String r = "r" + i.dst();
        if (is64) {
          return x ? Disassembled.unknown() : Disassembled.of(r + " = bswap" + width + " " + r);
        }
        return Disassembled.of(r + " = " + (x ? "be" : "le") + width + " " + r);
      }
    }
    return Disassembled.unknown();
  }

  private static boolean needsSrc(AluOp op) {
    return op != AluOp.NEG && op != AluOp.END;
  }

  private static String aluSymbol(AluOp op) {
    return switch (op) {
      case ADD -> "+";
      case SUB -> "-";
      case MUL -> "*";
      case DIV -> "/";
      case OR -> "|";
      case AND -> "&";
      case LSH -> "<<";
      case RSH -> ">>";
      case MOD -> "%";
      case XOR -> "^";
      case ARSH -> "s>>";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static Disassembled jmp(BpfInsn i) {
    boolean is32 = i.insnClass() == InsnClass.JMP32;
    JmpOp op = i.jmpOp();
    boolean x = i.source() == Source.X;
    if (op == null) {
      return Disassembled.unknown();
    }
    switch (op) {
      case JA -> {
        if (x) {
          return Disassembled.unknown();
        }
        return is32
            ? Disassembled.jump("gotol " + branch(i.imm()), i.imm())
            : Disassembled.jump("goto " + branch(i.off()), i.off());
      }
      case CALL -> {
        if (is32) {
          return Disassembled.unknown();
        }
        if (x) {
          return i.dst() > MAX_REG ? Disassembled.unknown() : Disassembled.of("callx r" + i.dst());
        }
        return Disassembled.of("call " + imm(i.imm()));
      }
      case EXIT -> {
        return is32 || x || i.imm() != 0 ? Disassembled.unknown() : Disassembled.of("exit");
      }
      case JCOND -> {
        return is32 || x
            ? Disassembled.unknown()
            : Disassembled.jump("may_goto " + branch(i.off()), i.off());
      }
      default -> {
        String p = is32 ? "w" : "r";
        if (i.dst() > MAX_REG || (x && i.src() > MAX_REG)) {
          return Disassembled.unknown();
        }
        String rhs = x ? p + i.src() : imm(i.imm());
        return Disassembled.jump(
            "if " + p + i.dst() + " " + jmpSymbol(op) + " " + rhs + " goto " + branch(i.off()),
            i.off());
      }
    }
  }

  private static String jmpSymbol(JmpOp op) {
    return switch (op) {
      case JEQ -> "==";
      case JGT -> ">";
      case JGE -> ">=";
      case JSET -> "&";
      case JNE -> "!=";
      case JSGT -> "s>";
      case JSGE -> "s>=";
      case JLT -> "<";
      case JLE -> "<=";
      case JSLT -> "s<";
      case JSLE -> "s<=";
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static Disassembled ld(BpfInsn i, @Nullable BpfInsn next) {
    MemMode mode = i.mode();
    MemSize size = i.size();
    if (mode == MemMode.IMM && size == MemSize.DW) {
      if (i.off() != 0 || i.dst() > MAX_REG || next == null) {
        return Disassembled.unknown();
      }
      if (i.src() == 0) {
        return new Disassembled("r" + i.dst() + " = " + imm(i.imm64(next)) + " ll", 2, false, 0);
      }
      return new Disassembled(
          "ld_pseudo\tr"
              + i.dst()
              + ", "
              + imm(i.src())
              + ", "
              + imm(Integer.toUnsignedLong(i.imm())),
          2,
          false,
          0);
    }
    if (size == MemSize.DW) {
      return Disassembled.unknown();
    }
    if (mode == MemMode.ABS) {
      return Disassembled.of("r0 = *(" + unsigned(size) + " *)skb[" + imm(i.imm()) + "]");
    }
    if (mode == MemMode.IND) {
      return i.src() > MAX_REG
          ? Disassembled.unknown()
          : Disassembled.of("r0 = *(" + unsigned(size) + " *)skb[r" + i.src() + "]");
    }
    return Disassembled.unknown();
  }

  private static Disassembled ldx(BpfInsn i) {
    MemMode mode = i.mode();
    MemSize size = i.size();
    if (i.dst() > MAX_REG || i.src() > MAX_REG) {
      return Disassembled.unknown();
    }
    String type;
    if (mode == MemMode.MEM) {
      type = unsigned(size);
    } else if (mode == MemMode.MEMSX && size != MemSize.DW) {
      type = "s" + size.bytes() * 8;
    } else {
      return Disassembled.unknown();
    }
    return Disassembled.of(
        "r" + i.dst() + " = *(" + type + " *)(" + address(i.src(), i.off()) + ")");
  }

  private static Disassembled st(BpfInsn i) {
    if (i.mode() != MemMode.MEM || i.dst() > MAX_REG) {
      return Disassembled.unknown();
    }
    return Disassembled.of(
        "*(" + unsigned(i.size()) + " *)(" + address(i.dst(), i.off()) + ") = " + imm(i.imm()));
  }

  private static Disassembled stx(BpfInsn i) {
    MemMode mode = i.mode();
    MemSize size = i.size();
    if (i.dst() > MAX_REG || i.src() > MAX_REG) {
      return Disassembled.unknown();
    }
    String addr = address(i.dst(), i.off());
    String s = "r" + i.src();
    if (mode == MemMode.MEM) {
      return Disassembled.of("*(" + unsigned(size) + " *)(" + addr + ") = " + s);
    }
    if (mode != MemMode.ATOMIC) {
      return Disassembled.unknown();
    }
    int op = i.imm() & 0xf0;
    boolean fetch = (i.imm() & 0x0f) == AtomicOp.FETCH;
    if (size == MemSize.W) {
      return op == AtomicOp.ADD.value()
          ? Disassembled.of("lock *(u32 *)(" + addr + ") += " + s)
          : Disassembled.unknown();
    }
    if (size != MemSize.DW) {
      return Disassembled.unknown();
    }
    String name =
        switch (op) {
          case 0x00 -> "add";
          case 0x40 -> "or";
          case 0x50 -> "and";
          case 0xa0 -> "xor";
          default -> null;
        };
    if (fetch) {
      if (name != null) {
        return Disassembled.of(
            s + " = atomic_fetch_" + name + "((u64 *)(" + addr + "), " + s + ")");
      }
      if (op == 0xe0) {
        return Disassembled.of(s + " = xchg_64(" + addr + ", " + s + ")");
      }
      if (op == 0xf0) {
        return Disassembled.of("r0 = cmpxchg_64(" + addr + ", r0, " + s + ")");
      }
      return Disassembled.unknown();
    }
    if (name == null) {
      return Disassembled.unknown();
    }
    String symbol = aluSymbol(AluOp.of(op));
    return Disassembled.of("lock *(u64 *)(" + addr + ") " + symbol + "= " + s);
  }

  private static String unsigned(MemSize size) {
    return "u" + size.bytes() * 8;
  }

  private static String address(int reg, int off) {
    return "r" + reg + (off < 0 ? " - " + hex(-(long) off) : " + " + hex(off));
  }

  private static String branch(long offset) {
    return offset < 0 ? "-" + hex(-offset) : "+" + hex(offset);
  }

  /** A signed immediate as LLVM prints it: {@code 0x1f}, {@code -0x8}. */
  static String imm(long value) {
    return value < 0 ? "-" + hex(-value) : hex(value);
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
