package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.ext.CoreRelo;
import org.junit.jupiter.api.Test;

/**
 * Specs print as libbpf prints them; {@link AccessSpec#describe()} drops libbpf's kind and id
 * prefix, {@link AccessSpec#fieldPath()} gives the C path.
 */
class AccessSpecTest {
  static AccessSpec local(String access, int kind) {
    HandBuilt.Group g = HandBuilt.group("errors");
    int foo = g.find("foo_a").typeId();
    return Relocator.relocateOne(g.localBtf(), new CoreRelo(0, foo, access, kind), g.targets())
        .localSpec()
        .orElseThrow();
  }

  @Test
  void fieldSpecs() {
    AccessSpec s = local("0:2:0", 0);
    assertEquals("<byte_off> [6] struct foo.c (0:2:0 @ offset 8)", s.format());
    assertEquals("struct foo.c (0:2:0 @ offset 8)", s.describe());
    assertEquals("foo.c", s.fieldPath());
    assertEquals(64, s.bitOffset());
    assertEquals(3, s.rawLength());
    assertEquals(2, s.accessors().size()); // the anonymous struct is only a raw index
  }

  @Test
  void arrayAndRootIndices() {
    assertEquals("<byte_sz> [6] struct foo.arr[1] (0:3:1 @ offset 16)", local("0:3:1", 1).format());
    assertEquals("<byte_off> [6] struct foo[1].b (1:1 @ offset 32)", local("1:1", 0).format());
  }

  @Test
  void typeSpecsHaveNoPath() {
    assertEquals("<type_size> [6] struct foo", local("0", 9).format());
  }

  @Test
  void kindNamesAreLibbpfs() {
    assertEquals("void", BtfTypes.kindString(BtfKind.UNKN));
    assertEquals("func_proto", BtfTypes.kindString(BtfKind.FUNC_PROTO));
    assertEquals("enum64", BtfTypes.kindString(BtfKind.ENUM64));
    assertEquals("type_tag", BtfTypes.kindString(BtfKind.TYPE_TAG));
  }
}
