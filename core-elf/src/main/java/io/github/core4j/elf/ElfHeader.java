package io.github.core4j.elf;

import java.nio.ByteOrder;

/**
 * The ELF64 file header as read, with the section count and section-name table index already
 * resolved through section 0 when the file uses extended numbering.
 *
 * @param byteOrder from {@code EI_DATA}
 * @param osAbi {@code EI_OSABI}
 * @param type {@code e_type} value (see {@link #elfType()})
 * @param machine {@code e_machine} value (see {@link #elfMachine()})
 * @param version {@code e_version}
 * @param entry {@code e_entry}
 * @param phoff {@code e_phoff}: program header table offset
 * @param shoff {@code e_shoff}: section header table offset
 * @param flags {@code e_flags}
 * @param ehsize {@code e_ehsize}
 * @param phentsize {@code e_phentsize}
 * @param phnum {@code e_phnum}
 * @param shentsize {@code e_shentsize}
 * @param shnum number of section headers (from section 0's {@code sh_size} when {@code e_shnum} is
 *     0)
 * @param shstrndx index of the section-name string table (from section 0's {@code sh_link} when
 *     {@code e_shstrndx} is {@code SHN_XINDEX})
 */
public record ElfHeader(
    ByteOrder byteOrder,
    int osAbi,
    int type,
    int machine,
    int version,
    long entry,
    long phoff,
    long shoff,
    int flags,
    int ehsize,
    int phentsize,
    int phnum,
    int shentsize,
    int shnum,
    int shstrndx) {

  /** Size of the ELF64 header in bytes. */
  public static final int SIZE = 64;

  /** {@link #type} as an enum. */
  public ElfType elfType() {
    return ElfType.of(type);
  }

  /** {@link #machine} as an enum. */
  public ElfMachine elfMachine() {
    return ElfMachine.of(machine);
  }
}
