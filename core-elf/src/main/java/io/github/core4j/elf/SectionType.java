package io.github.core4j.elf;

/** Section header types ({@code sh_type}) with their numeric values. */
public enum SectionType {
  NULL(0),
  PROGBITS(1),
  SYMTAB(2),
  STRTAB(3),
  RELA(4),
  HASH(5),
  DYNAMIC(6),
  NOTE(7),
  NOBITS(8),
  REL(9),
  SHLIB(10),
  DYNSYM(11),
  INIT_ARRAY(14),
  FINI_ARRAY(15),
  PREINIT_ARRAY(16),
  GROUP(17),
  SYMTAB_SHNDX(18),
  LLVM_ADDRSIG(0x6fff4c03),
  GNU_HASH(0x6ffffff6),
  GNU_VERDEF(0x6ffffffd),
  GNU_VERNEED(0x6ffffffe),
  GNU_VERSYM(0x6fffffff),
  /** A type this enum does not name. */
  OTHER(-1);

  private final int value;

  SectionType(int value) {
    this.value = value;
  }

  /** The {@code sh_type} value. */
  public int value() {
    return value;
  }

  /** The type with {@code value}, or {@link #OTHER}. */
  public static SectionType of(int value) {
    for (SectionType t : values()) {
      if (t.value == value && t != OTHER) {
        return t;
      }
    }
    return OTHER;
  }
}
