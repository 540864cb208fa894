package io.github.core4j.btf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Name to type-id lookup for one BTF blob, built once on first use. Split BTF answers its base's
 * ids first, then its own, all in id order.
 */
final class NameIndex {
  private static final int[] NONE = new int[0];

  private final Map<String, int[]> byName;
  private final @Nullable NameIndex base;
  private volatile @Nullable Map<String, int[]> byEssentialName;

  private NameIndex(Map<String, int[]> byName, @Nullable NameIndex base) {
    this.byName = byName;
    this.base = base;
  }

  static NameIndex build(Btf btf, @Nullable NameIndex base) {
    int first = btf.firstId();
    int end = btf.typeCount();
    Map<String, int[]> map = new HashMap<>(Math.max(16, (end - first) * 4 / 3));
    java.nio.ByteBuffer buf = btf.buffer();
    StringSection strings = btf.strings();
    for (int id = first; id < end; id++) {
      int nameOff = buf.getInt(btf.offsetOf(id));
      if (nameOff == 0) {
        continue;
      }
      String name = strings.get(nameOff);
      if (name.isEmpty()) {
        continue;
      }
      map.merge(name, new int[] {id}, NameIndex::concat);
    }
    return new NameIndex(map, base);
  }

  int[] ids(String name) {
    int[] own = byName.getOrDefault(name, NONE);
    return base == null ? own : concat(base.ids(name), own);
  }

  int[] essentialIds(String essentialName) {
    int[] own = essentialIndex().getOrDefault(essentialName, NONE);
    return base == null ? own : concat(base.essentialIds(essentialName), own);
  }

  private Map<String, int[]> essentialIndex() {
    Map<String, int[]> index = byEssentialName;
    if (index == null) {
      index = new HashMap<>(byName.size() * 4 / 3 + 16);
      for (Map.Entry<String, int[]> e : byName.entrySet()) {
        index.merge(EssentialName.of(e.getKey()), e.getValue(), NameIndex::concat);
      }
      for (Map.Entry<String, int[]> e : index.entrySet()) {
        Arrays.sort(e.getValue());
      }
      byEssentialName = index;
    }
    return index;
  }

  private static int[] concat(int[] a, int[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    int[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
