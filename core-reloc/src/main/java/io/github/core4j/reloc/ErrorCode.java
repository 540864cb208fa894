package io.github.core4j.reloc;

/**
 * Why a relocation failed, as the errno libbpf returns for it. libbpf fails the whole object load
 * with this code ({@code failed to relocate: -22}); core4j reports it per relocation.
 */
public enum ErrorCode {
  /** {@code EINVAL}: a bad access string, a type that can't be relocated, an ambiguity. */
  EINVAL(22),
  /** {@code E2BIG}: too deep a spec, or a bitfield no 8-byte load can read. */
  E2BIG(7),
  /** {@code EOPNOTSUPP}: a relocation kind that doesn't apply (e.g. anonymous local types). */
  EOPNOTSUPP(95),
  /** {@code ERANGE}: a new load/store offset that doesn't fit the instruction's 16 bits. */
  ERANGE(34);

  private final int errno;

  ErrorCode(int errno) {
    this.errno = errno;
  }

  /** The positive errno number (libbpf reports its negation). */
  public int errno() {
    return errno;
  }
}
