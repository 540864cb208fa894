package io.github.core4j.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.dump.Bpftool;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.CDumpOptions;
import io.github.core4j.btf.dump.RawDump;
import io.github.core4j.btf.write.BtfBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that are empty strings away from string offset 0 (found by the fuzzer: a {@code name_off}
 * pointing at the NUL that ends another string). Compilers always use offset 0 for "no name", so
 * only hand-made or hostile BTF has them, and libbpf tells the two apart by the offset alone.
 */
class EmptyNamesTest {
  /**
   * BTF with int, {@code struct '' { int a; int <offset 0>; }}, {@code enum e { '' = 1 }}, a
   * prototype {@code int ('')(int '')}, and {@code struct h { struct '' p; enum '' s; }}: every
   * name written as {@code ''} points at the NUL ending "int", not at offset 0.
   */
  private static byte[] emptyNamesAwayFromZero(ByteOrder order) {
    BtfBuilder b = new BtfBuilder();
    int intId = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int structId =
        b.add(
            new BtfStruct(
                "s",
                8,
                false,
                List.of(new BtfMember("a", intId, 0, 0), new BtfMember("", intId, 32, 0))));
    int enumId = b.add(new BtfEnum("e", 4, true, List.of(new BtfEnumValue("V", 1))));
    int anonEnumId = b.add(new BtfEnum("e2", 4, true, List.of(new BtfEnumValue("W", 2))));
    int protoId = b.add(new BtfFuncProto("", intId, List.of(new BtfParam("p", intId))));
    b.add(
        new BtfStruct(
            "h",
            12,
            false,
            List.of(new BtfMember("p", structId, 0, 0), new BtfMember("s", anonEnumId, 64, 0))));
    byte[] bytes = b.toBytes(order);

    Btf built = Btf.parse(bytes, "built");
    int empty = built.nameOffset(intId) + "int".length();
    ByteBuffer patch = ByteBuffer.wrap(bytes).order(order);
    patch.putInt(built.offsetOf(structId), empty); // the struct's name
    patch.putInt(built.offsetOf(structId) + 12, empty); // member a (the second stays at 0)
    patch.putInt(built.offsetOf(enumId) + 12, empty); // enumerator V
    patch.putInt(built.offsetOf(anonEnumId), empty); // the second enum's name
    patch.putInt(built.offsetOf(protoId) + 12, empty); // parameter p
    return bytes;
  }

  /** The raw dump: {@code (anon)} for offset 0 only, {@code ''} otherwise, as bpftool. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
  void rawDumpPrintsThemAsEmptyNotAnon(String orderName) {
    ByteOrder order =
        orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] bytes = emptyNamesAwayFromZero(order);
    StringBuilder ours = new StringBuilder();
    RawDump.write(Btf.parse(bytes, "patched"), ours);
    assertEquals(new String(Bpftool.dump(bytes), StandardCharsets.UTF_8), ours.toString());
    assertTrue(
        ours.toString().contains("[2] STRUCT '' size=8 vlen=2\n\t'' type_id=1"), ours.toString());
    assertTrue(ours.toString().contains("\n\t'(anon)' type_id=1 bits_offset=32"), ours.toString());
  }

  /**
   * A deliberate difference from bpftool: its C dump calls such a struct or enum named, and writes
   * {@code struct  {} and {@code enum ___2 {}, which no compiler accepts. Ours treats an empty name
   * as no name wherever it points and writes the types inline, as for offset 0.
   */
  @Test
  void cDumpWritesThemAsAnonymousUnlikeBpftool() {
    byte[] bytes = emptyNamesAwayFromZero(ByteOrder.LITTLE_ENDIAN);
    String theirs = new String(Bpftool.dump(bytes, "format", "c"), StandardCharsets.UTF_8);
    assertTrue(theirs.contains("\nstruct  {\n"), theirs);
    assertTrue(theirs.contains("\tstruct  p;\n"), theirs);
    String ours = CDump.toString(Btf.parse(bytes, "patched"), CDumpOptions.BPFTOOL);
    assertTrue(
        ours.contains(
            "struct h {\n\tstruct {\n\t\tint;\n\t\tint;\n\t} p;\n\tenum {\n\t\tW = 2,\n\t} s;\n};"),
        ours);
    assertTrue(!ours.contains("struct  "), ours);
  }
}
