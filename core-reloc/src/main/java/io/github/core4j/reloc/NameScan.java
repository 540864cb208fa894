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
 * only when its first two bytes are those of a wanted name (a bit set lookup), so on a vmlinux of
 * 100,000+ names only a few hundred strings are ever made.
 */
final class NameScan {
  /** What a scan found: essential name to ids (id order), and the pointer size. */
  record Result(Map<String, int[]> index, int pointerSize) {}

  private NameScan() {}

  static Result scan(Btf btf, Collection<String> essentialNames, String[] longAliases) {
    Set<String> wanted = Set.copyOf(essentialNames);
    Set<String> aliases = Set.of(longAliases);
    BitSet prefixes = new BitSet(1 << 16);
    for (String n : wanted) {
      prefixes.set(prefix(n));
    }
    for (String n : aliases) {
      prefixes.set(prefix(n));
    }
    ByteBuffer strings = btf.stringSection();
    int limit = strings.limit();
    Map<String, int[]> index = new HashMap<>();
    int pointerSize = 0;
    for (int id = btf.firstId(); id < btf.typeCount(); id++) {
      int off = btf.nameOffset(id);
      if (off <= 0 || off >= limit) {
        continue;
      }
      int b0 = strings.get(off) & 0xff;
      int b1 = b0 == 0 || off + 1 >= limit ? 0 : strings.get(off + 1) & 0xff;
      if (!prefixes.get(b0 << 8 | b1)) {
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

  /** The first two bytes of {@code name} in UTF-8 (0 past the end), as one number. */
  private static int prefix(String name) {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    int b0 = b.length > 0 ? b[0] & 0xff : 0;
    int b1 = b.length > 1 ? b[1] & 0xff : 0;
    return b0 << 8 | b1;
  }
}
