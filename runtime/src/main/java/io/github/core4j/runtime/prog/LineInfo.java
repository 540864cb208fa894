package io.github.core4j.runtime.prog;

/**
 * A {@code struct bpf_line_info} record: the source line of an instruction, which the verifier
 * prints in its log and bpftool in dumps.
 *
 * @param insnOffset the instruction, in instructions
 * @param fileNameOffset the file name's offset in the BTF string section
 * @param lineOffset the source line text's offset in the BTF string section
 * @param lineCol line number ({@code << 10}) and column (low 10 bits)
 */
public record LineInfo(int insnOffset, int fileNameOffset, int lineOffset, int lineCol) {
  /** {@code sizeof(struct bpf_line_info)}. */
  public static final int SIZE = 16;

  /** The line number. */
  public int line() {
    return lineCol >>> 10;
  }

  /** The column. */
  public int column() {
    return lineCol & 0x3ff;
  }
}
