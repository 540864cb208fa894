package io.github.core4j.btf;

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

  private PointerSize() {}

  /**
   * The guessed pointer size of {@code btf} (base types included), or empty when it has no long.
   */
  public static OptionalInt guess(Btf btf) {
    int best = Integer.MAX_VALUE;
    int bestSize = 0;
    for (String name : LONG_NAMES) {
      for (int id : btf.idsByName(name)) {
        if (id >= best) {
          break;
        }
        if (btf.kind(id) == BtfKind.INT) {
          int size = ((BtfInt) btf.type(id)).size();
          if (size == 4 || size == 8) {
            best = id;
            bestSize = size;
            break;
          }
        }
      }
    }
    return bestSize == 0 ? OptionalInt.empty() : OptionalInt.of(bestSize);
  }
}
