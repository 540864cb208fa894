package io.github.core4j.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shape of every ELF error message: file, then section and offset where known, then what. */
class ElfFormatExceptionTest {
  @Test
  void fileOffsetAndWhat() {
    assertEquals(
        "a.o: at offset 64 (0x40): bad magic",
        new ElfFormatException("a.o", 64, "bad magic").getMessage());
  }

  @Test
  void fileSectionOffsetAndWhat() {
    assertEquals(
        "a.o: section 4 (socket) at offset 96 (0x60): bad symbol",
        new ElfFormatException("a.o", "section 4 (socket)", 96, "bad symbol").getMessage());
  }

  @Test
  void fileSectionAndWhatWithoutAnOffset() {
    assertEquals(
        "a.o: section 4 (socket): program 'p' crosses the section's end",
        new ElfFormatException(
                "a.o", "section 4 (socket)", -1, "program 'p' crosses the section's end")
            .getMessage());
  }

  @Test
  void fileAndWhat() {
    assertEquals(
        "a.o: has no .BTF section",
        new ElfFormatException("a.o", -1, "has no .BTF section").getMessage());
  }
}
