package io.github.core4j.btf.ext;

/**
 * A line info record ({@code struct bpf_line_info}): the instruction at byte {@code insnOff} of its
 * ELF section comes from {@code fileName}, line {@code line}, column {@code column}; {@code
 * lineText} is the source line itself as clang recorded it (often empty).
 */
public record LineInfo(int insnOff, String fileName, String lineText, int line, int column) {
  /** The instruction index within the ELF section ({@code insnOff / 8}). */
  public int insnIndex() {
    return insnOff / 8;
  }
}
