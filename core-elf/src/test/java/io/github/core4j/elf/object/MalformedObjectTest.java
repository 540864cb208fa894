package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfRelocation;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.ElfSymbol;
import io.github.core4j.elf.ElfTestdata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Objects libbpf refuses to open, made by changing one thing in a corpus object. Expected: a {@link
 * BpfObjectException} whose one-line message names the file, the section or offset, and what was
 * expected there.
 */
class MalformedObjectTest {
  /** A mutable copy of a corpus object. */
  static final class Bytes {
    final byte[] bytes;
    final ElfFile elf;
    final ByteBuffer buf;

    Bytes(String object) {
      this(BpfTestdata.dir().resolve("out").resolve(object));
    }

    Bytes(Path file) {
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      elf = ElfFile.parse(bytes.clone(), file.getFileName().toString());
      buf = ByteBuffer.wrap(bytes).order(elf.byteOrder());
    }

    ElfSection section(String name) {
      return elf.section(name).orElseThrow();
    }

    int sectionHeader(ElfSection s, int field) {
      return (int) elf.header().shoff() + s.index() * ElfSection.HEADER_SIZE + field;
    }

    int symbol(String name, int field) {
      ElfSymbol sym = elf.symbolTable().orElseThrow().byName(name).orElseThrow();
      return (int) elf.symbolTable().orElseThrow().section().offset()
          + sym.index() * ElfSymbol.ENTRY_SIZE
          + field;
    }

    /** Replaces the first {@code from} inside {@code section} by {@code to} (same length). */
    Bytes replaceIn(String section, String from, String to) {
      ElfSection s = section(section);
      byte[] f = from.getBytes(StandardCharsets.US_ASCII);
      for (int i = (int) s.offset(); i + f.length <= s.offset() + s.size(); i++) {
        boolean match = true;
        for (int j = 0; j < f.length && match; j++) {
          match = bytes[i + j] == f[j];
        }
        if (match) {
          System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, i, f.length);
          return this;
        }
      }
      throw new AssertionError(from + " not in " + section);
    }

    BpfObjectException openFails() {
      return assertThrows(BpfObjectException.class, () -> BpfObject.open(bytes, "bad.bpf.o"));
    }
  }

  private static void assertMessage(BpfObjectException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage() + " lacks: " + part);
    }
    assertTrue(e.getMessage().startsWith("bad.bpf.o: "), e.getMessage());
    assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
  }

  @Test
  void staticFunctionInAnEntrySectionIsNotAProgram() {
    Bytes b = new Bytes("subprogs.bpfel.o");
    int info = b.symbol("xdp_count", 4);
    b.bytes[info] = 0x02; // STB_LOCAL, STT_FUNC
    assertMessage(b.openFails(), "section 4 (xdp)", "program 'xdp_count' is static");
  }

  @Test
  void unknownMapAttributeIsRejectedAsInStrictMode() {
    Bytes b = new Bytes("subprogs.bpfel.o").replaceIn(".BTF", "max_entries", "max_entriez");
    assertMessage(b.openFails(), "(.maps)", "map 'buckets': unknown attribute 'max_entriez'");
  }

  @Test
  void legacyMapsSectionIsRejected() {
    Bytes b = new Bytes("subprogs.bpfel.o");
    int name = b.sectionHeader(b.section(".maps"), 0);
    b.buf.putInt(name, b.buf.getInt(name) + 1); // ".maps" -> "maps"
    assertMessage(b.openFails(), "(maps)", "legacy map definitions");
  }

  @Test
  void strippedObjectHasNoSymbolTable() {
    // an object without relocations, so that no relocation section links to the symbol table
    Bytes b = new Bytes(ElfTestdata.elf().resolve("obj/opcodes.bpfel.o"));
    b.buf.putInt(b.sectionHeader(b.section(".symtab"), 4), 1); // SHT_SYMTAB -> SHT_PROGBITS
    assertMessage(b.openFails(), "no symbol table");
  }

  @Test
  void relocationOfAnInstructionThatTakesNoneIsRejected() {
    Bytes b = new Bytes("subprogs.bpfel.o");
    ElfSection rel = b.section(".relxdp");
    ElfRelocation first = b.elf.relocations(rel).get(0);
    assertEquals(0x18, first.offset()); // call first_word
    b.buf.putLong((int) rel.offset(), 0x08); // now on insn 1, an ALU instruction
    assertMessage(
        b.openFails(),
        "(.relxdp) at offset",
        "program 'xdp_count' insn 1",
        "only calls and 64-bit immediate loads");
  }

  @Test
  void misalignedRelocationIsRejected() {
    Bytes b = new Bytes("subprogs.bpfel.o");
    ElfSection rel = b.section(".relxdp");
    b.buf.putLong((int) rel.offset(), 0x1c);
    assertMessage(b.openFails(), "(.relxdp)", "offset 28, not on an instruction boundary");
  }

  @Test
  void externsNeedBtf() {
    Bytes b = new Bytes("ksyms.bpfel.o");
    int name = b.sectionHeader(b.section(".BTF"), 0);
    b.buf.putInt(name, b.buf.getInt(name) + 1); // ".BTF" -> "BTF", which libbpf skips
    assertMessage(b.openFails(), "extern '", "needs BTF, but the object has no .BTF");
  }

  @Test
  void kernelModulesAreNotBpfObjects() {
    Path ko = ElfTestdata.kernelModules().get(0);
    BpfObjectException e = assertThrows(BpfObjectException.class, () -> BpfObject.open(ko));
    assertTrue(e.getMessage().contains("e_machine is X86_64"), e.getMessage());
  }
}
