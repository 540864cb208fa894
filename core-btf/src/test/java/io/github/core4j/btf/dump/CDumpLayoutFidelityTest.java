package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfEnum64;
import io.github.core4j.btf.BtfEnum64Value;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfQualifier;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.Testdata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * clang lays out the structs of our header as BTF says: for every uniquely named struct and union,
 * {@code sizeof} and the offset of every named, byte-aligned member agree with BTF, checked by
 * compiling {@code _Static_assert}s against the header.
 *
 * <p>bpftool 7.1's header (which ours reproduces byte for byte) gets enums of unusual size wrong:
 * it writes no {@code mode(byte)} / {@code mode(word)} attributes, so clang makes them 4 bytes and
 * every struct embedding one may move (34 structs of the 6.18 host kernel). With {@code enumModes}
 * only two kinds of structs may still differ, for reasons C cannot express: those embedding {@code
 * __builtin_va_list} (the BPF target's va_list is a pointer, x86-64's is a 24-byte struct) and
 * those embedding a 2-byte enum (no mode attribute makes one).
 */
class CDumpLayoutFidelityTest {
  private static final Pattern FAILED = Pattern.compile("LAYOUT:((?:struct|union) [A-Za-z0-9_]+)");

  static Stream<Testdata.BtfCase> cases() {
    return Testdata.cHeaderCases().stream()
        .filter(c -> !c.file().contains(".be.") && !c.file().startsWith("modules/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void withEnumModesOnlyVaListAndTwoByteEnumsMove(Testdata.BtfCase c) {
    Btf btf = c.parse();
    Set<String> moved = movedComposites(btf, CDumpOptions.BPFTOOL.withEnumModes(true));
    Set<String> excused = embedders(btf, true);
    moved.removeAll(excused);
    assertEquals(Set.of(), moved, "structs clang lays out differently from BTF");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bpftoolOutputMovesOnlyStructsWithOddEnums(Testdata.BtfCase c) {
    Btf btf = c.parse();
    Set<String> moved = movedComposites(btf, CDumpOptions.BPFTOOL);
    Set<String> excused = embedders(btf, false);
    Set<String> unexplained = new TreeSet<>(moved);
    unexplained.removeAll(excused);
    assertEquals(Set.of(), unexplained, "structs clang lays out differently from BTF");
    if (c.file().startsWith("kernels/6.18")) {
      assertTrue(moved.size() > 20, "the host kernel has many structs with 1-byte enums: " + moved);
    }
  }

  /** Compiles layout assertions for every uniquely named composite; answers those that failed. */
  private static Set<String> movedComposites(Btf btf, CDumpOptions options) {
    StringBuilder program = new StringBuilder("#include \"vmlinux.h\"\n");
    for (int id = 1; id < btf.typeCount(); id++) {
      BtfType t = btf.type(id);
      if (t instanceof BtfComposite comp && !t.isAnonymous() && uniqueTag(btf, t.name())) {
        String c = (t instanceof BtfStruct ? "struct " : "union ") + t.name();
        program
            .append("_Static_assert(sizeof(")
            .append(c)
            .append(") == ")
            .append(Integer.toUnsignedLong(comp.size()))
            .append(", \"LAYOUT:")
            .append(c)
            .append("\");\n");
        for (BtfMember m : comp.members()) {
          if (m.name().isEmpty() || m.isBitfield() || m.bitOffset() % 8 != 0) {
            continue;
          }
          program
              .append("_Static_assert(__builtin_offsetof(")
              .append(c)
              .append(", ")
              .append(m.name())
              .append(") == ")
              .append(m.bitOffset() / 8)
              .append(", \"LAYOUT:")
              .append(c)
              .append("\");\n");
        }
      }
    }
    Clang.Result r = Clang.compile(CDump.toString(btf, options), program.toString());
    Set<String> moved = new TreeSet<>();
    Matcher m = FAILED.matcher(r.diagnostics());
    while (m.find()) {
      moved.add(m.group(1));
    }
    if (r.exit() != 0) {
      assertTrue(
          r.diagnostics()
              .lines()
              .filter(l -> l.contains("error:"))
              .allMatch(l -> l.contains("LAYOUT:")),
          "only layout assertions may fail:\n" + r.diagnostics());
    }
    return moved;
  }

  /** Whether no other struct, union or enum has this name (so the header does not rename it). */
  private static boolean uniqueTag(Btf btf, String name) {
    int tags = 0;
    for (int id : btf.idsByName(name)) {
      BtfKind k = btf.kind(id);
      if (k == BtfKind.STRUCT || k == BtfKind.UNION || k == BtfKind.ENUM || k == BtfKind.ENUM64) {
        tags++;
      }
    }
    return tags == 1;
  }

  /**
   * Composites whose layout C cannot reproduce: they embed (not through a pointer) {@code
   * __builtin_va_list} or an enum of a size clang does not pick by itself; with {@code enumModes}
   * only the sizes no mode attribute forces (2 bytes) count.
   */
  private static Set<String> embedders(Btf btf, boolean enumModes) {
    Map<Integer, Boolean> memo = new HashMap<>();
    Set<String> result = new TreeSet<>();
    for (int id = 1; id < btf.typeCount(); id++) {
      BtfType t = btf.type(id);
      if (t instanceof BtfComposite && !t.isAnonymous() && embedsOdd(btf, id, enumModes, memo)) {
        result.add((t instanceof BtfStruct ? "struct " : "union ") + t.name());
      }
    }
    return result;
  }

  private static boolean embedsOdd(Btf btf, int id, boolean enumModes, Map<Integer, Boolean> memo) {
    Boolean known = memo.get(id);
    if (known != null) {
      return known;
    }
    memo.put(id, false);
    BtfType t = btf.type(id);
    boolean odd;
    if (t instanceof BtfTypedef td) {
      odd = td.name().equals("__builtin_va_list") || embedsOdd(btf, td.type(), enumModes, memo);
    } else if (t instanceof BtfQualifier q) {
      odd = embedsOdd(btf, q.type(), enumModes, memo);
    } else if (t instanceof BtfArray a) {
      odd = embedsOdd(btf, a.type(), enumModes, memo);
    } else if (t instanceof BtfComposite comp) {
      odd = false;
      for (BtfMember m : comp.members()) {
        odd |= embedsOdd(btf, m.type(), enumModes, memo);
      }
    } else if (t instanceof BtfEnum e) {
      odd = enumModes ? !List.of(1, 4, 8).contains(e.size()) : e.size() != 4;
    } else if (t instanceof BtfEnum64 e) {
      boolean high = e.values().stream().map(BtfEnum64Value::value).anyMatch(v -> v >>> 32 != 0);
      odd = enumModes ? !List.of(1, 4, 8).contains(e.size()) : !(e.size() == 8 && high);
    } else {
      odd = false;
    }
    memo.put(id, odd);
    return odd;
  }
}
