package io.github.core4j.btf;

/**
 * Linkage of a FUNC (stored in vlen) or a VAR (stored after the header), with the kernel's values.
 */
public enum BtfLinkage {
  STATIC("static"),
  GLOBAL("global"),
  EXTERN("extern");

  private final String label;

  BtfLinkage(String label) {
    this.label = label;
  }

  /** The word bpftool prints. */
  public String label() {
    return label;
  }

  /** The linkage for a stored value, or {@code null} when out of range. */
  public static BtfLinkage ofValue(int value) {
    return value >= 0 && value < values().length ? values()[value] : null;
  }
}
