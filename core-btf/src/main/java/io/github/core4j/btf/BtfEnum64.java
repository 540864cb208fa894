package io.github.core4j.btf;

import java.util.List;

/** An enum with 64-bit values ({@code BTF_KIND_ENUM64}); {@code signed} is the kind_flag. */
public record BtfEnum64(String name, int size, boolean signed, List<BtfEnum64Value> values)
    implements BtfType {
  /** Copies the value list so the record stays immutable. */
  public BtfEnum64 {
    values = List.copyOf(values);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.ENUM64;
  }
}
