package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;

/**
 * A BTF that candidates are searched in: the kernel's ({@code "vmlinux"}) or a kernel module's
 * split BTF (named after the module), with the {@link BtfTypes} helpers that cache its decoded
 * types. Build one per BTF and share it between relocators.
 */
public record TargetBtf(String name, BtfTypes types) {
  /** Target {@code btf} named {@code name}. */
  public static TargetBtf of(String name, Btf btf) {
    return new TargetBtf(name, BtfTypes.of(btf));
  }

  /** The BTF. */
  public Btf btf() {
    return types.btf();
  }
}
