package io.github.core4j.skeleton;

import java.util.HashSet;
import java.util.Set;

/**
 * The names already taken in one Java scope (a class's members, or its nested types). A clash gets
 * a suffix derived from what the thing is (so the name stays stable for the same object), and only
 * when that clashes too a trailing underscore.
 */
final class NameScope {
  private final Set<String> taken = new HashSet<>();

  /** A scope where {@code reserved} names are already taken. */
  NameScope(String... reserved) {
    for (String r : reserved) {
      taken.add(r);
    }
  }

  /** Takes {@code preferred}, or {@code preferred + suffix}, or that with underscores. */
  String take(String preferred, String suffix) {
    String name = preferred;
    if (!taken.add(name)) {
      name = preferred + suffix;
      while (!taken.add(name)) {
        name = name + "_";
      }
    }
    return name;
  }
}
