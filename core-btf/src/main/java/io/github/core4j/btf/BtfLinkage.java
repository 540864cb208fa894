package io.github.core4j.btf;

import org.jspecify.annotations.Nullable;

/**
 * Linkage of a FUNC (stored in vlen) or a VAR (stored after the header), with the kernel's values.
 */
public enum BtfLinkage {
  STATIC(0, "static"),
  GLOBAL(1, "global"),
  EXTERN(2, "extern");

  private final int value;
  private final String label;

  BtfLinkage(int value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The kernel's numeric value ({@code BTF_FUNC_*} / {@code BTF_VAR_*}). */
  public int value() {
    return value;
  }

  /** The word bpftool prints. */
  public String label() {
    return label;
  }

  /** The linkage for a stored value, or {@code null} when out of range. */
  public static @Nullable BtfLinkage ofValue(int value) {
    for (BtfLinkage l : values()) {
      if (l.value == value) {
        return l;
      }
    }
    return null;
  }
}
