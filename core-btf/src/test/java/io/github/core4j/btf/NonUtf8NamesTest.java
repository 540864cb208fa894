package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.dump.Bpftool;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.CDumpOptions;
import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.btf.write.BtfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names whose bytes are not UTF-8 (a fuzzed input had {@code pri\x92\x8b\x99\xa1like}). The kernel
 * rejects them, but libbpf and bpftool take names as bytes: the dumps print those bytes, and
 * rewriting the BTF keeps them (two such names used to decode to the same replacement characters
 * and were merged into one string).
 */
class NonUtf8NamesTest {
  /** {@code struct s { int pri\x92\x8blike; int x\x93; int x\x94; }}: names given as escapes. */
  private static byte[] btf() {
    BtfBuilder b = new BtfBuilder();
    int intId = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    b.add(
        new BtfStruct(
            "s",
            12,
            false,
            List.of(
                new BtfMember("pri\uDC92\uDC8Blike", intId, 0, 0),
                new BtfMember("x\uDC93", intId, 32, 0),
                new BtfMember("x\uDC94", intId, 64, 0))));
    return b.toBytes(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void theBytesAreInTheStringSection() {
    String section = new String(btf(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertEquals(true, section.contains("pri\u0092\u008blike\0x\u0093\0x\u0094\0"), section);
  }

  @Test
  void rawDumpPrintsTheBytesAsBpftool() {
    byte[] bytes = btf();
    StringBuilder ours = new StringBuilder();
    RawDump.write(Btf.parse(bytes, "non-utf8"), ours);
    assertArrayEquals(Bpftool.dump(bytes), ByteExactUtf8.encode(ours));
  }

  @Test
  void cDumpPrintsTheBytesAsBpftool() {
    byte[] bytes = btf();
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    CDump.write(Btf.parse(bytes, "non-utf8"), ours, CDumpOptions.BPFTOOL);
    assertArrayEquals(Bpftool.dump(bytes, "format", "c"), ours.toByteArray());
  }

  @Test
  void rewritingKeepsEveryName() {
    byte[] bytes = btf();
    Btf parsed = Btf.parse(bytes, "non-utf8");
    assertArrayEquals(bytes, BtfWriter.write(parsed, ByteOrder.LITTLE_ENDIAN));
    BtfStruct s = (BtfStruct) parsed.type(2);
    assertEquals("x\uDC94", s.members().get(2).name());
  }
}
