package io.github.core4j.btf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.JsonDump;
import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.write.BtfWriter;

/**
 * Coverage-guided fuzzing of the BTF parser and everything that walks parsed BTF. In the normal
 * test run it replays the committed inputs ({@code BtfFuzzTestInputs/}: seeds and every crasher
 * found) as regression tests; {@code JAZZER_FUZZ=1 mvn -pl core-btf test -Dtest=BtfFuzzTest} fuzzes
 * for real (see CONTRIBUTING.md). The only exception bad input may raise is {@link
 * BtfFormatException}.
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
          io.github.core4j.btf.ext.BtfExt.parse(data, EXT_STRINGS, "fuzz.ext");
      if (ext.funcInfo() == null || ext.lineInfo() == null || ext.coreRelos() == null) {
        throw new AssertionError("parsed .BTF.ext without sections");
      }
    } catch (BtfFormatException expected) {
      // the only exception bad input may raise
    }
  }

  @FuzzTest(maxDuration = "5m")
  void parseAndUse(byte[] data) {
    Btf btf;
    try {
      btf = Btf.parse(data, "fuzz").validate();
    } catch (BtfFormatException expected) {
      return;
    }
    StringBuilder sink = new StringBuilder();
    RawDump.write(btf, sink);
    JsonDump.write(btf, sink);
    try {
      CDump.write(btf, sink);
    } catch (BtfFormatException unsatisfiable) {
      // types no C header can declare (a type containing itself through anonymous types), as
      // bpftool
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
}
