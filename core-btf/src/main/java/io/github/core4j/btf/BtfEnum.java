package io.github.core4j.btf;

import java.util.List;

/**
 * An enum with 32-bit values ({@code BTF_KIND_ENUM}); {@code signed} is the kind_flag and says how
 * to read the values.
 */
public record BtfEnum(String name, int size, boolean signed, List<BtfEnumValue> values)
    implements BtfType {
  /** Copies the value list so the record stays immutable. */
  public BtfEnum {
    values = List.copyOf(values);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.ENUM;
  }

  /** The value of enumerator {@code i} widened per the signedness. */
  public long valueAt(int i) {
    int v = values.get(i).value();
    return signed ? v : Integer.toUnsignedLong(v);
  }
}
