package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.EssentialName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a base BTF's types that finds the types whose essential names are in a given set,
 * and the pointer size, without decoding the names of the other types: a type's name is decoded
 * only when its first bytes are those of a wanted name ({@link Prefixes}), so on a vmlinux of
 * 100,000+ names only a few dozen strings are ever made.
 */
final class NameScan {
  /** What a scan found: essential name to ids (id order), and the pointer size. */
  record Result(Map<String, int[]> index, int pointerSize) {}

  private NameScan() {}

  static Result scan(Btf btf, Collection<String> essentialNames, Set<String> aliases) {
    Set<String> wanted = new java.util.HashSet<>(essentialNames);
    wanted.remove("");
    Prefixes prefixes = new Prefixes();
    for (String n : wanted) {
      prefixes.add(n);
    }
    for (String n : aliases) {
      prefixes.add(n);
    }
    ByteBuffer strings = btf.stringSection();
    int limit = strings.limit();
    Map<String, int[]> index = new HashMap<>();
    int pointerSize = 0;
    for (int id = btf.firstId(); id < btf.typeCount(); id++) {
      int off = btf.nameOffset(id);
      if (off <= 0 || off >= limit || !prefixes.mayStart(strings, off, limit)) {
        continue;
      }
      BtfKind kind = btf.kind(id);
      String name = btf.name(id);
      if (pointerSize == 0 && kind == BtfKind.INT && aliases.contains(name)) {
        int size = ((BtfInt) btf.type(id)).size();
        if (size == 4 || size == 8) {
          pointerSize = size; // libbpf: the lowest id named like long
        }
      }
      if (kind == BtfKind.FUNC) {
        continue; // as in the full index: functions are scanned for on demand
      }
      String essential = EssentialName.of(name);
      if (wanted.contains(essential)) {
        int[] ids = index.get(essential);
        if (ids == null) {
          index.put(essential, new int[] {id});
        } else {
          int[] more = Arrays.copyOf(ids, ids.length + 1);
          more[ids.length] = id;
          index.put(essential, more);
        }
      }
    }
    return new Result(index, pointerSize == 0 ? 8 : pointerSize);
  }

  /**
   * A filter on the first bytes of names: a name of four bytes or more is looked for by its first
   * four (a hashed bit set), a shorter one by its first two, so that almost every type whose name
   * can't match is rejected without decoding its name.
   */
  private static final class Prefixes {
    private static final int BITS = 20;
    private final BitSet four = new BitSet(1 << BITS);
    private final BitSet two = new BitSet(1 << 16);
    private boolean anyShort;

    void add(String name) {
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      if (b.length >= 4) {
        four.set(
            hash((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff)));
      } else if (b.length > 1) {
        anyShort = true;
        two.set((b[0] & 0xff) << 8 | (b[1] & 0xff));
      } else if (b.length == 1) {
        anyShort = true;
        two.set((b[0] & 0xff) << 8); // the name itself
        two.set((b[0] & 0xff) << 8 | '_'); // its flavors
      }
    }

    boolean mayStart(ByteBuffer strings, int off, int limit) {
      int b0 = strings.get(off) & 0xff;
      int b1 = b0 == 0 || off + 1 >= limit ? 0 : strings.get(off + 1) & 0xff;
      if (anyShort && two.get(b0 << 8 | b1)) {
        return true;
      }
      if (b1 == 0 || off + 3 >= limit) {
        return false;
      }
      int b2 = strings.get(off + 2) & 0xff;
      int b3 = b2 == 0 ? 0 : strings.get(off + 3) & 0xff;
      return b3 != 0 && four.get(hash(b0 << 24 | b1 << 16 | b2 << 8 | b3));
    }

    private static int hash(int key) {
      return (key * 0x9E3779B1) >>> (32 - BITS);
    }
  }
}
