package io.github.core4j.runtime.sys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * The CPUs the kernel could ever bring online ({@code /sys/devices/system/cpu/possible}). Per-CPU
 * maps hold one value slot per possible CPU, and a perf event array reader opens one ring per
 * possible CPU, so this count (not the online count) sizes their buffers, as in libbpf.
 */
public final class PossibleCpus {
  /** Where the kernel publishes the mask. */
  public static final Path FILE = Path.of("/sys/devices/system/cpu/possible");

  private static volatile @Nullable BitSet cached;

  private PossibleCpus() {}

  /** The number of possible CPUs (CPUs set in the mask). */
  public static int count() {
    return mask().cardinality();
  }

  /** The possible CPU numbers, as a bit set. */
  public static BitSet mask() {
    BitSet m = cached;
    if (m == null) {
      try {
        m = parse(Files.readString(FILE));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FILE, e);
      }
      cached = m;
    }
    return (BitSet) m.clone();
  }

  /** Parses the kernel's CPU list format: {@code "0-3,5,7-8"}. */
  public static BitSet parse(String list) {
    BitSet set = new BitSet();
    String s = list.strip();
    if (s.isEmpty()) {
      return set;
    }
    for (String part : s.split(",", -1)) {
      int dash = part.indexOf('-');
      try {
        if (dash < 0) {
          set.set(Integer.parseInt(part.strip()));
        } else {
          int from = Integer.parseInt(part.substring(0, dash).strip());
          int to = Integer.parseInt(part.substring(dash + 1).strip());
          if (to < from) {
            throw new IllegalArgumentException("bad CPU range '" + part + "' in '" + s + "'");
          }
          set.set(from, to + 1);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad CPU list '" + s + "'", e);
      }
    }
    return set;
  }
}
