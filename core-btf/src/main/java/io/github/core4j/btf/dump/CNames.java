package io.github.core4j.btf.dump;

import io.github.core4j.btf.BtfEnum;
import io.github.core4j.btf.BtfFwd;
import io.github.core4j.btf.BtfType;
import java.util.HashMap;
import java.util.Map;

/**
 * Unique C names, as libbpf's btf_dump assigns them. C has two namespaces that matter here: tags
 * ({@code struct}, {@code union}, {@code enum} names) and ordinary identifiers (typedef names and
 * enumerators). The first type to claim a name keeps it; the n-th type or enumerator with the same
 * name in the same namespace becomes {@code name___n}. A type's name is fixed the first time it is
 * printed, so the numbering follows the order of the output. Forward declarations and enums without
 * values never claim a name: they may repeat a definition's name.
 */
final class CNames {
  /** libbpf formats renamed names into a 256-byte buffer. */
  private static final int MAX_NAME = 255;

  private final TypeCache types;
  private final Map<String, Integer> tagNames = new HashMap<>();
  private final Map<String, Integer> identNames = new HashMap<>();
  private final String[] renamed;
  private final boolean[] resolved;

  CNames(TypeCache types) {
    this.types = types;
    this.renamed = new String[types.count()];
    this.resolved = new boolean[types.count()];
  }

  /** The name of struct, union, enum (or int) type {@code id} in the tag namespace. */
  String tag(int id) {
    return resolve(id, tagNames);
  }

  /** The name of typedef {@code id} in the identifier namespace. */
  String ident(int id) {
    return resolve(id, identNames);
  }

  /**
   * Claims enumerator name {@code name} once more and says how many times it has been claimed:
   * enumerators are counted each time their enum is printed.
   */
  int claimEnumerator(String name) {
    return claim(identNames, name);
  }

  private String resolve(int id, Map<String, Integer> names) {
    BtfType t = types.get(id);
    String name = t.name();
    if (name.isEmpty()) {
      return "";
    }
    if (resolved[id]) {
      return renamed[id] != null ? renamed[id] : name;
    }
    resolved[id] = true;
    if (t instanceof BtfFwd || (t instanceof BtfEnum e && e.values().isEmpty())) {
      return name;
    }
    int count = claim(names, name);
    if (count > 1) {
      renamed[id] = numbered(name, count);
      return renamed[id];
    }
    return name;
  }

  private static int claim(Map<String, Integer> names, String name) {
    Integer count = names.get(name);
    int claimed = count == null ? 1 : count + 1;
    names.put(name, claimed);
    return claimed;
  }

  /** {@code name___count}, cut to libbpf's buffer size. */
  static String numbered(String name, int count) {
    String s = name + "___" + count;
    return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
  }
}
