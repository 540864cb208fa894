package io.github.core4j.elf.bpf;

/**
 * One decoded instruction as the disassembler shows it.
 *
 * @param text the instruction in LLVM's BPF assembly syntax, or {@code <unknown>}
 * @param slots the 8-byte slots it takes: 2 for {@code LD_IMM64}, else 1
 * @param branch whether it is a jump whose target {@link #branchOffset} gives
 * @param branchOffset for jumps, the target in slots relative to the next slot
 */
public record Disassembled(String text, int slots, boolean branch, long branchOffset) {

  /** What an encoding no BPF CPU defines shows as. */
  public static final String UNKNOWN = "<unknown>";

  static Disassembled unknown() {
    return new Disassembled(UNKNOWN, 1, false, 0);
  }

  static Disassembled of(String text) {
    return new Disassembled(text, 1, false, 0);
  }

  static Disassembled jump(String text, long offset) {
    return new Disassembled(text, 1, true, offset);
  }

  /** Whether the encoding was recognised. */
  public boolean known() {
    return !UNKNOWN.equals(text);
  }
}
