package io.github.core4j.reloc;

import io.github.core4j.btf.EssentialName;

/** Name comparison "modulo flavor": {@code task_struct___v61} stands for {@code task_struct}. */
final class Names {
  private Names() {}

  /** Whether the names agree once their {@code ___flavor} suffixes are dropped. */
  static boolean sameEssentialName(String a, String b) {
    int la = EssentialName.length(a);
    int lb = EssentialName.length(b);
    return la == lb && a.regionMatches(0, b, 0, la);
  }

  /**
   * libbpf's {@code bpf_core_names_match}: an anonymous target matches only an anonymous local;
   * otherwise the essential names must agree.
   */
  static boolean namesMatch(String local, String target) {
    if (target.isEmpty()) {
      return local.isEmpty();
    }
    return sameEssentialName(local, target);
  }
}
