package io.github.core4j.btf;

import org.jspecify.annotations.Nullable;

/**
 * The BTF type kinds, with the kernel's numeric values and the fixed sizes of the data that follows
 * a {@code struct btf_type} of that kind. The names are the ones bpftool prints.
 */
public enum BtfKind {
  UNKN(0, 0, 0),
  INT(1, 4, 0),
  PTR(2, 0, 0),
  ARRAY(3, 12, 0),
  STRUCT(4, 0, 12),
  UNION(5, 0, 12),
  ENUM(6, 0, 8),
  FWD(7, 0, 0),
  TYPEDEF(8, 0, 0),
  VOLATILE(9, 0, 0),
  CONST(10, 0, 0),
  RESTRICT(11, 0, 0),
  FUNC(12, 0, 0),
  FUNC_PROTO(13, 0, 8),
  VAR(14, 4, 0),
  DATASEC(15, 0, 12),
  FLOAT(16, 0, 0),
  DECL_TAG(17, 4, 0),
  TYPE_TAG(18, 0, 0),
  ENUM64(19, 0, 12);

  /** Highest kind number this version of core4j decodes. */
  public static final int MAX_KNOWN = 19;

  private static final BtfKind[] BY_VALUE = values();

  private final int value;
  private final int infoSize;
  private final int elementSize;

  BtfKind(int value, int infoSize, int elementSize) {
    this.value = value;
    this.infoSize = infoSize;
    this.elementSize = elementSize;
  }

  /** The kernel's {@code BTF_KIND_*} number. */
  public int value() {
    return value;
  }

  /** Bytes of kind-specific data after the 12-byte common header, independent of vlen. */
  public int infoSize() {
    return infoSize;
  }

  /** Bytes of each of the vlen elements (members, enumerators, params, section entries). */
  public int elementSize() {
    return elementSize;
  }

  /** Whether the vlen field counts trailing elements for this kind. */
  public boolean hasElements() {
    return elementSize != 0;
  }

  /** The kind with the given number, or {@code null} when core4j does not know it. */
  public static @Nullable BtfKind ofValue(int value) {
    return value >= 0 && value <= MAX_KNOWN ? BY_VALUE[value] : null;
  }
}
