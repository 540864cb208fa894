package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.source.BtfFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BtfTypes#forNames}: for the names it was given, the same candidates (and pointer size) as
 * the full index; nothing for any other name.
 */
class ForNamesTest {
  static final List<String> NAMES =
      List.of(
          "task_struct", "sk_buff", "pt_regs", "list_head", "mm_struct", "file", "ns", "u8", "T");

  @Test
  void theSameIdsAsTheFullIndexForTheNamesGiven() {
    Btf btf = BtfFiles.read(Testdata.root().resolve("btf/kernels/6.1.0-50-amd64.btf.xz"));
    BtfTypes full = BtfTypes.of(btf);
    BtfTypes few = BtfTypes.forNames(btf, NAMES);
    for (String n : NAMES) {
      for (BtfKind kind : List.of(BtfKind.STRUCT, BtfKind.TYPEDEF, BtfKind.ENUM)) {
        assertArrayEquals(
            full.idsByEssentialName(n, kind), few.idsByEssentialName(n, kind), n + " " + kind);
      }
    }
    assertEquals(full.pointerSize(), few.pointerSize());
    assertEquals(0, few.idsByEssentialName("inode", BtfKind.STRUCT).length, "not asked for");
  }
}
