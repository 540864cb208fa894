package io.github.core4j.btf.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfConst;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfPtr;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfTypedef;
import io.github.core4j.btf.write.BtfBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * BTF that passes validation (every cycle goes through a pointer) but has no C form, or nests
 * absurdly deep: the dump ends with a {@link BtfFormatException} naming the type, never with a
 * {@link StackOverflowError}, even on a thread with a small stack. (libbpf recurses without a limit
 * here and crashes or loops.)
 */
class CDumpHostileInputTest {
  /** Dumps on a thread with a 512 KiB stack; answers what it threw, or null. */
  private static Throwable dumpOnSmallStack(Btf btf) {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                CDump.toString(btf, CDumpOptions.BPFTOOL);
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "small-stack dump",
            512 * 1024);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    return thrown.get();
  }

  private static BtfFormatException rejected(Btf btf) {
    Throwable thrown = dumpOnSmallStack(btf);
    assertTrue(thrown instanceof BtfFormatException, String.valueOf(thrown));
    assertTrue(thrown.getMessage().startsWith("built BTF: C dump: "), thrown.getMessage());
    return (BtfFormatException) thrown;
  }

  @Test
  void typedefOfAPointerToItself() {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfTypedef("t", 2)); // typedef t *t;
    b.add(new BtfPtr("", 1));
    assertTrue(rejected(b.build()).getMessage().contains("nest deeper than"));
  }

  @Test
  void pointerToPointerLoop() {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfPtr("", 2));
    b.add(new BtfPtr("", 1));
    b.add(new BtfStruct("s", 8, false, List.of(new BtfMember("p", 1, 0, 0))));
    assertTrue(rejected(b.build()).getMessage().contains("nest deeper than"));
  }

  @Test
  void anonymousStructPointingToItself() {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfStruct("", 8, false, List.of(new BtfMember("self", 2, 0, 0))));
    b.add(new BtfPtr("", 1));
    b.add(new BtfStruct("holder", 8, false, List.of(new BtfMember("a", 1, 0, 0))));
    BtfFormatException e = rejected(b.build());
    assertTrue(e.getMessage().contains("type [1] contains itself"), e.getMessage());
  }

  @Test
  void millionQualifiersDeep() {
    BtfBuilder b = new BtfBuilder();
    int prev = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    for (int i = 0; i < 1_000_000; i++) {
      prev = b.add(new BtfConst("", prev));
    }
    b.add(new BtfStruct("s", 4, false, List.of(new BtfMember("c", prev, 0, 0))));
    assertTrue(rejected(b.build()).getMessage().contains("nest deeper than"));
  }

  @Test
  void chainsJustBelowTheLimitStillWork() {
    BtfBuilder b = new BtfBuilder();
    int prev = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    for (int i = 0; i < DepthGuard.MAX_DEPTH - 10; i++) {
      prev = b.add(new BtfTypedef("t" + i, prev));
    }
    b.add(new BtfStruct("s", 4, false, List.of(new BtfMember("deep", prev, 0, 0))));
    Throwable thrown = dumpOnSmallStack(b.build());
    assertEquals(null, thrown);
    assertThrows(
        BtfFormatException.class,
        () -> {
          throw rejected(millionDeepForComparison());
        });
  }

  private static Btf millionDeepForComparison() {
    BtfBuilder b = new BtfBuilder();
    int prev = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    for (int i = 0; i < DepthGuard.MAX_DEPTH + 10; i++) {
      prev = b.add(new BtfConst("", prev));
    }
    b.add(new BtfStruct("s", 4, false, List.of(new BtfMember("c", prev, 0, 0))));
    return b.build();
  }
}
