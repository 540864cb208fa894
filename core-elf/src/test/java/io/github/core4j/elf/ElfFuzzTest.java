package io.github.core4j.elf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.elf.bpf.ObjdumpListing;
import io.github.core4j.elf.kernel.KernelBtf;
import io.github.core4j.testing.AllocationBudget;
import io.github.core4j.testing.ErrorMessages;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of everything core-elf reads from untrusted files: the ELF reader
 * (sections, symbols, relocations), BTF extraction (ELF {@code .BTF}, kernel images, packages) and
 * the disassembler. Replays the committed inputs in the normal test run; {@code JAZZER_FUZZ=1}
 * fuzzes. Only {@link ElfFormatException} and {@link BtfFormatException} may escape.
 */
class ElfFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void readObject(byte[] data) {
    try {
      ElfFile elf =
          AllocationBudget.parse(
              data.length,
              "ELF parse",
              () -> {
                ElfFile parsed = ElfFile.parse(data, "fuzz.o");
                for (ElfSection s : parsed.sections()) {
                  parsed.symbolsIn(s);
                  parsed.relocationsFor(s);
                }
                return parsed;
              });
      ObjdumpListing.render(elf, "fuzz.o");
    } catch (ElfFormatException expected) {
      // the only exception bad ELF may raise
      ErrorMessages.check(expected, "fuzz.o");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void readKernelBtf(byte[] data) {
    try {
      KernelBtf.read(ByteBuffer.wrap(data), "fuzz.img", null);
    } catch (ElfFormatException | BtfFormatException expected) {
      // the only exceptions bad input may raise
      ErrorMessages.check(expected, "fuzz.img");
    }
  }

  /**
   * The BPF object model: {@code BpfObject.open} classifies sections, collects programs, maps,
   * globals, externs and relocations and parses {@code .BTF}/{@code .BTF.ext} as libbpf's open
   * does. Bad objects raise {@link io.github.core4j.elf.object.BpfObjectException} (an {@link
   * ElfFormatException}) or {@link BtfFormatException}.
   */
  @FuzzTest(maxDuration = "5m")
  void openObject(byte[] data) {
    try {
      io.github.core4j.elf.object.BpfObject obj =
          AllocationBudget.parse(
              data.length,
              "BpfObject.open",
              () -> io.github.core4j.elf.object.BpfObject.open(data, "fuzz.bpf.o"));
      for (io.github.core4j.elf.object.Program p : obj.programs()) {
        obj.subprogramsUsedBy(p);
        obj.structOpsMember(p);
      }
    } catch (ElfFormatException | BtfFormatException expected) {
      // the only exceptions a bad object may raise
      ErrorMessages.check(expected, "fuzz.bpf.o");
    }
  }
}
