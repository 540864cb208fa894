package io.github.core4j.elf.object;

/** A BTF-defined map's {@code pinning} attribute ({@code enum libbpf_pin_type}). */
public enum MapPinning {
  /** Not pinned. */
  NONE(0),
  /** Pinned by name under the pin root ({@code /sys/fs/bpf} by default) and reused if present. */
  BY_NAME(1);

  private final int value;

  MapPinning(int value) {
    this.value = value;
  }

  /** libbpf's numeric value. */
  public int value() {
    return value;
  }
}
