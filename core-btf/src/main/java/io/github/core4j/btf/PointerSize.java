package io.github.core4j.btf;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How libbpf guesses a target's pointer size from raw BTF ({@code determine_ptr_size}): the size of
 * the lowest-id integer type that is named like {@code long} and has 4 or 8 bytes. BTF for a BPF
 * object needs no guess (its pointers have 8 bytes); kernel BTF does, and the C dump and CO-RE
 * relocation must guess alike.
 */
public final class PointerSize {
  /** The spellings of {@code long} and {@code unsigned long} libbpf recognises. */
  public static final Set<String> LONG_NAMES =
      Set.of(
          "long",
          "long int",
          "int long",
          "unsigned long",
          "long unsigned",
          "unsigned long int",
          "unsigned int long",
          "long unsigned int",
          "long int unsigned",
          "int unsigned long",
          "int long unsigned");

  private static final byte INT = (byte) BtfKind.INT.value();

  private PointerSize() {}

  /**
   * The guessed pointer size of {@code btf} (base types included), or empty when it has no long.
   */
  public static OptionalInt guess(Btf btf) {
    for (int id : intIds(btf)) {
      BtfInt t = (BtfInt) btf.type(id);
      if (LONG_NAMES.contains(t.name()) && (t.size() == 4 || t.size() == 8)) {
        return OptionalInt.of(t.size());
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The ids of the INT types of {@code btf} and its base, in id order, found from the kind table
   * alone: kernel BTF has a few dozen among 100,000 types, so looking at them costs less than
   * building the name index.
   */
  static int[] intIds(Btf btf) {
    int[] inBase = btf.base().map(PointerSize::intIds).orElse(new int[0]);
    byte[] kinds = btf.localKinds();
    int count = btf.localCount();
    int[] ids = Arrays.copyOf(inBase, inBase.length + 16);
    int n = inBase.length;
    for (int i = 0; i < count; i++) {
      if (kinds[i] == INT) {
        if (n == ids.length) {
          ids = Arrays.copyOf(ids, n * 2);
        }
        ids[n++] = btf.firstId() + i;
      }
    }
    return Arrays.copyOf(ids, n);
  }
}
