package io.github.core4j.elf;

/**
 * One ELF64 section header, with its name resolved from the section-name string table.
 *
 * @param index position in the section header table
 * @param name the name ({@code ""} for section 0 or when the file has no name table)
 * @param type {@code sh_type} value (see {@link #sectionType()})
 * @param flags {@code sh_flags}
 * @param addr {@code sh_addr}
 * @param offset {@code sh_offset}: where the contents start in the file
 * @param size {@code sh_size}: size of the contents (for {@code SHT_NOBITS}, of the memory image)
 * @param link {@code sh_link}
 * @param info {@code sh_info}
 * @param addralign {@code sh_addralign}
 * @param entsize {@code sh_entsize}
 */
public record ElfSection(
    int index,
    String name,
    int type,
    long flags,
    long addr,
    long offset,
    long size,
    int link,
    int info,
    long addralign,
    long entsize) {

  /** Size of an ELF64 section header in bytes. */
  public static final int HEADER_SIZE = 64;

  /** {@code SHF_WRITE}. */
  public static final long SHF_WRITE = 0x1;

  /** {@code SHF_ALLOC}. */
  public static final long SHF_ALLOC = 0x2;

  /** {@code SHF_EXECINSTR}. */
  public static final long SHF_EXECINSTR = 0x4;

  /** {@link #type} as an enum. */
  public SectionType sectionType() {
    return SectionType.of(type);
  }

  /** Whether the section occupies bytes in the file ({@code SHT_NOBITS} does not). */
  public boolean hasFileData() {
    return type != SectionType.NOBITS.value() && type != SectionType.NULL.value();
  }

  /** Whether the section holds instructions ({@code SHF_EXECINSTR}). */
  public boolean isExecutable() {
    return (flags & SHF_EXECINSTR) != 0;
  }

  /** Whether the section is writable at run time ({@code SHF_WRITE}). */
  public boolean isWritable() {
    return (flags & SHF_WRITE) != 0;
  }

  /** Whether the section is part of the memory image ({@code SHF_ALLOC}). */
  public boolean isAlloc() {
    return (flags & SHF_ALLOC) != 0;
  }

  /** "section 3 (.text)", as used in error messages. */
  public String describe() {
    return name.isEmpty() ? "section " + index : "section " + index + " (" + name + ")";
  }
}
