package io.github.core4j.elf.object;

import io.github.core4j.elf.ElfFormatException;

/**
 * Thrown when an ELF file is well formed but is not a BPF object libbpf would open: a map
 * definition it rejects, a relocation it cannot resolve, an extern without BTF. The message names
 * the file, the section and offset when there is one, and what was expected, as for {@link
 * ElfFormatException}, which this extends so callers can handle all bad input at once.
 */
public class BpfObjectException extends ElfFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source file name or other description of where the bytes came from
   * @param offset byte offset into the file, or -1
   * @param message what was found and what was expected
   */
  public BpfObjectException(String source, long offset, String message) {
    super(source, offset, message);
  }

  /**
   * A problem inside one section.
   *
   * @param section the section, described as by {@link io.github.core4j.elf.ElfSection#describe()}
   */
  public BpfObjectException(String source, String section, long offset, String message) {
    super(source, section, offset, message);
  }
}
