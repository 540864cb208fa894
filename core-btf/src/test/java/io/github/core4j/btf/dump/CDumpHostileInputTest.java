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

  /**
   * A struct may declare any size; its padding is one {@code long: 64;} line per 8 bytes, as
   * bpftool writes it (a 6 KiB fuzzed BTF declared 100 MB of it and the dump buffered the whole
   * definition: out of memory). The text reaches the caller in pieces of about 64 KiB however long
   * one definition is, and stays bpftool's.
   */
  @Test
  void hugeDeclaredSizeStreamsItsPadding() {
    BtfBuilder b = new BtfBuilder();
    int intId = b.add(new BtfInt("int", 4, BtfInt.SIGNED, 0, 32));
    int size = 16 << 20;
    b.add(new BtfStruct("huge", size, false, List.of(new BtfMember("first", intId, 0, 0))));
    StringBuilder all = new StringBuilder();
    int[] largestPiece = {0};
    Appendable pieces =
        new Appendable() {
          @Override
          public Appendable append(CharSequence csq) {
            largestPiece[0] = Math.max(largestPiece[0], csq.length());
            all.append(csq);
            return this;
          }

          @Override
          public Appendable append(CharSequence csq, int start, int end) {
            return append(csq.subSequence(start, end));
          }

          @Override
          public Appendable append(char c) {
            return append(String.valueOf(c));
          }
        };
    CDump.write(b.build(), pieces);
    assertTrue(all.length() > 20_000_000, "2 million padding lines: " + all.length());
    assertTrue(largestPiece[0] < 70_000, "largest piece handed on: " + largestPiece[0]);
    String expected = Bpftool.cHeader(b.toBytes(java.nio.ByteOrder.LITTLE_ENDIAN));
    HeaderDiff.assertSameHeader(expected, all.toString(), "16 MiB struct");
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
