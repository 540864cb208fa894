package io.github.core4j.btf;

import java.util.List;

/** A function prototype: return type (0 for void) and parameters. */
public record BtfFuncProto(String name, int returnType, List<BtfParam> params) implements BtfType {
  /** Copies the parameter list so the record stays immutable. */
  public BtfFuncProto {
    params = List.copyOf(params);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.FUNC_PROTO;
  }

  /** Whether the last parameter is the {@code ...} marker. */
  public boolean isVariadic() {
    return !params.isEmpty() && params.get(params.size() - 1).type() == 0;
  }
}
