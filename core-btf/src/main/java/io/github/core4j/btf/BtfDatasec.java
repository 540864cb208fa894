package io.github.core4j.btf;

import java.util.List;

/**
 * A data section ({@code .data}, {@code .bss}, {@code .kconfig}, ...) and the variables placed in
 * it.
 */
public record BtfDatasec(String name, int size, List<BtfVarSecinfo> vars) implements BtfType {
  /** Copies the entry list so the record stays immutable. */
  public BtfDatasec {
    vars = List.copyOf(vars);
  }

  @Override
  public BtfKind kind() {
    return BtfKind.DATASEC;
  }
}
