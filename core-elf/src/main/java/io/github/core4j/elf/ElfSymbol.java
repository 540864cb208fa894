package io.github.core4j.elf;

/**
 * One ELF64 symbol table entry, with its name resolved from the linked string table.
 *
 * @param index position in the symbol table
 * @param name the name ({@code ""} when unnamed)
 * @param info {@code st_info}: binding in the high nibble, type in the low
 * @param other {@code st_other}: visibility in the low two bits
 * @param sectionIndex the section the symbol is defined in; special values {@code SHN_UNDEF} (0),
 *     {@code SHN_ABS} (0xfff1) and {@code SHN_COMMON} (0xfff2) keep their values, while {@code
 *     SHN_XINDEX} is already resolved through {@code SHT_SYMTAB_SHNDX}
 * @param value {@code st_value}: in relocatable objects, the offset within the section
 * @param size {@code st_size}
 */
public record ElfSymbol(
    int index, String name, int info, int other, int sectionIndex, long value, long size) {

  /** Size of an ELF64 symbol table entry in bytes. */
  public static final int ENTRY_SIZE = 24;

  /** {@code SHN_UNDEF}: the symbol is not defined in this file. */
  public static final int SHN_UNDEF = 0;

  /** {@code SHN_ABS}: the value is absolute. */
  public static final int SHN_ABS = 0xfff1;

  /** {@code SHN_COMMON}: a common block not yet allocated. */
  public static final int SHN_COMMON = 0xfff2;

  /** {@code SHN_XINDEX}: the real index is in {@code SHT_SYMTAB_SHNDX}. */
  public static final int SHN_XINDEX = 0xffff;

  /** The binding. */
  public SymbolBinding binding() {
    return SymbolBinding.of(info >>> 4);
  }

  /** The type. */
  public SymbolType type() {
    return SymbolType.of(info & 0xf);
  }

  /** The visibility. */
  public SymbolVisibility visibility() {
    return SymbolVisibility.of(other);
  }

  /** Whether the symbol is defined in a section of this file. */
  public boolean isDefined() {
    return sectionIndex != SHN_UNDEF && sectionIndex < 0xff00;
  }
}
