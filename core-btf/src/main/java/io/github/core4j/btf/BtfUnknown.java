package io.github.core4j.btf;

import java.util.List;

/**
 * A type of a kind core4j does not know, skipped using the BTF layout section. The words after the
 * common header are kept (as 32-bit words, so they survive a byte-order change) to write it back.
 */
public record BtfUnknown(
    String name, int kindValue, boolean kindFlag, int vlen, int sizeOrType, List<Integer> words)
    implements BtfType {
  /** Copies the word list so the record stays immutable. */
  public BtfUnknown {
    words = List.copyOf(words);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.UNKN;
  }
}
