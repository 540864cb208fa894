package io.github.core4j.elf;

/**
 * One entry of an {@code SHT_REL} or {@code SHT_RELA} section, with its symbol resolved.
 *
 * @param offset {@code r_offset}: in relocatable objects, the byte offset in the target section
 * @param type the relocation type, {@code ELF64_R_TYPE(r_info)} (for BPF: {@code R_BPF_64_64} = 1,
 *     {@code R_BPF_64_ABS64} = 2, {@code R_BPF_64_ABS32} = 3, {@code R_BPF_64_NODYLD32} = 4, {@code
 *     R_BPF_64_32} = 10)
 * @param symbol the symbol {@code ELF64_R_SYM(r_info)} refers to
 * @param addend {@code r_addend} for {@code SHT_RELA}; 0 for {@code SHT_REL}, whose addend is
 *     stored in the relocated bytes
 */
public record ElfRelocation(long offset, int type, ElfSymbol symbol, long addend) {

  /** Size of an {@code SHT_REL} entry in bytes. */
  public static final int REL_SIZE = 16;

  /** Size of an {@code SHT_RELA} entry in bytes. */
  public static final int RELA_SIZE = 24;

  /** The index of {@link #symbol} in its symbol table. */
  public int symbolIndex() {
    return symbol.index();
  }
}
