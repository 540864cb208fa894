package io.github.core4j.btf;

/** Type id 0: {@code void}. It is never stored in BTF; every {@link Btf} answers it for id 0. */
public record BtfVoid() implements BtfType {
  /** The one instance. */
  public static final BtfVoid INSTANCE = new BtfVoid();

  @Override
  public BtfKind kind() {
    return BtfKind.UNKN;
  }

  @Override
  public String name() {
    return "";
  }
}
