package io.github.core4j.btf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.JsonDump;
import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.write.BtfWriter;
import io.github.core4j.testing.AllocationBudget;
import io.github.core4j.testing.ErrorMessages;

/**
 * Coverage-guided fuzzing of the BTF parser and everything that walks parsed BTF. In the normal
 * test run it replays the committed inputs ({@code BtfFuzzTestInputs/}: seeds and every crasher
 * found) as regression tests; {@code JAZZER_FUZZ=1 mvn -pl core-btf test -Dtest=BtfFuzzTest} fuzzes
 * for real (see FUZZING.md). The only exception bad input may raise is {@link BtfFormatException}.
 */
class BtfFuzzTest {
  private static final Btf EXT_STRINGS =
      io.github.core4j.btf.source.BtfFiles.read(
          Testdata.root().resolve("reloc/obj/bitfields.bpfel.btf.xz"));

  /** {@code .BTF.ext} parsing against a fixed object BTF (strings and type ids come from it). */
  @FuzzTest(maxDuration = "5m")
  void parseBtfExt(byte[] data) {
    try {
      io.github.core4j.btf.ext.BtfExt ext =
          AllocationBudget.parse(
              data.length,
              ".BTF.ext parse",
              () -> io.github.core4j.btf.ext.BtfExt.parse(data, EXT_STRINGS, "fuzz.ext"));
      if (ext.funcInfo() == null || ext.lineInfo() == null || ext.coreRelos() == null) {
        throw new AssertionError("parsed .BTF.ext without sections");
      }
    } catch (BtfFormatException expected) {
      // the only exception bad input may raise
      ErrorMessages.check(expected, "fuzz.ext");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void parseAndUse(byte[] data) {
    Btf btf;
    try {
      btf =
          AllocationBudget.parse(
              data.length, "BTF parse", () -> Btf.parse(data, "fuzz").validate());
    } catch (BtfFormatException expected) {
      ErrorMessages.check(expected, "fuzz");
      return;
    }
    StringBuilder sink = new StringBuilder();
    RawDump.write(btf, sink);
    JsonDump.write(btf, sink);
    try {
      // discarded as it streams: a struct may declare gigabytes of padding, which the header spells
      // out line by line as bpftool does (crash-21d5becf: 6 KiB of BTF, 138 MB of header)
      CDump.write(btf, java.io.Writer.nullWriter());
    } catch (BtfFormatException unsatisfiable) {
      // types no C header can declare (a type containing itself through anonymous types), as
      // bpftool
      ErrorMessages.check(unsatisfiable, "fuzz");
    }
    for (int id = 0; id < btf.typeCount(); id++) {
      btf.findByName(btf.name(id), btf.kind(id));
      try {
        btf.resolveSize(id);
      } catch (IllegalArgumentException | BtfFormatException sizeless) {
        // types without a size, or chains deeper than libbpf allows
      }
    }
    byte[] again = BtfWriter.write(btf, btf.byteOrder());
    Btf.parse(again, "fuzz-rewritten").validate();
  }

  private static final Btf SPLIT_BASE =
      io.github.core4j.btf.source.BtfFiles.read(
          Testdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));

  /**
   * Split BTF (a kernel module's {@code .BTF}) on a fixed vmlinux base: ids and string offsets that
   * continue the base's, references into it, and every walk a dump or lookup makes across both.
   */
  @FuzzTest(maxDuration = "5m")
  void parseSplitOnBase(byte[] data) {
    Btf btf;
    try {
      btf =
          AllocationBudget.parse(
              data.length,
              "split BTF parse",
              () -> Btf.parseSplit(data, SPLIT_BASE, "fuzz-module").validate());
    } catch (BtfFormatException expected) {
      ErrorMessages.check(expected, "fuzz-module");
      return;
    }
    StringBuilder sink = new StringBuilder();
    RawDump.write(btf, sink);
    for (int id = SPLIT_BASE.typeCount(); id < btf.typeCount(); id++) {
      btf.findByName(btf.name(id), btf.kind(id));
      try {
        btf.resolveSize(id);
      } catch (IllegalArgumentException | BtfFormatException sizeless) {
        // types without a size, or chains deeper than libbpf allows
      }
    }
  }

  /**
   * Kernel BTF archives as BTFHub ships them: the input is written as {@code kernels.tar} and read
   * as a tree ({@link io.github.core4j.btf.source.BtfTree}: compression detected by magic, tar
   * entries streamed, nested archives, entry names checked), every BTF found parsed; and the same
   * bytes inflated directly ({@link io.github.core4j.btf.source.Compression}) under a small limit.
   */
  @FuzzTest(maxDuration = "5m")
  void readArchive(byte[] data) throws java.io.IOException {
    try {
      io.github.core4j.btf.source.Compression.inflate(data, "fuzz", 1 << 20);
    } catch (BtfFormatException expected) {
      // not compressed data we know, corrupt, or larger than the limit
      ErrorMessages.check(expected, "fuzz");
    }
    java.nio.file.Path file = ARCHIVE_DIR.resolve("kernels.tar");
    java.nio.file.Files.write(file, data);
    try {
      for (io.github.core4j.btf.source.BtfTree.Entry e :
          io.github.core4j.btf.source.BtfTree.readAll(file)) {
        try {
          Btf.parse(e.bytes(), e.path());
        } catch (BtfFormatException expected) {
          // an archive entry named *.btf that is no BTF; its name is from the input, so the message
          // escapes it (crash-164c1…: an entry named "\x15.4.0-1-generic.btf")
          ErrorMessages.check(expected, OneLine.of(e.path()));
        }
      }
    } catch (BtfFormatException expected) {
      // the only exception a bad archive may raise
      ErrorMessages.check(expected, file.toString());
    }
  }

  private static final java.nio.file.Path ARCHIVE_DIR = archiveDir();

  private static java.nio.file.Path archiveDir() {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("core4j-fuzz-");
      dir.toFile().deleteOnExit();
      dir.resolve("kernels.tar").toFile().deleteOnExit();
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
