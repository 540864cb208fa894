package io.github.core4j.btf.ext;

/**
 * The {@code .BTF.ext} header ({@code struct btf_ext_header}). Offsets are relative to the end of
 * the header. Headers shorter than {@link #WITH_CORE_RELO_SIZE} bytes (older compilers) have no
 * CO-RE relocation subsection; {@link #coreReloOff} and {@link #coreReloLen} are then 0.
 */
public record BtfExtHeader(
    int version,
    int flags,
    int hdrLen,
    int funcInfoOff,
    int funcInfoLen,
    int lineInfoOff,
    int lineInfoLen,
    int coreReloOff,
    int coreReloLen) {

  /** The magic number, {@code 0xeb9f}, as read in the section's own byte order. */
  public static final int MAGIC = 0xEB9F;

  /** The smallest header libbpf accepts: up to and including {@code line_info_len}. */
  public static final int MIN_SIZE = 24;

  /** A header that also has {@code core_relo_off} and {@code core_relo_len}. */
  public static final int WITH_CORE_RELO_SIZE = 32;

  /** Whether the header is long enough to describe CO-RE relocations. */
  public boolean hasCoreReloFields() {
    return hdrLen >= WITH_CORE_RELO_SIZE;
  }
}
