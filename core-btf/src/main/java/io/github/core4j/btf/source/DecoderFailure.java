package io.github.core4j.btf.source;

import java.io.EOFException;

/**
 * What a decompressor's failure means, in words for an error message, and how much memory a decoder
 * may take. xz and LZMA headers declare their dictionary size, which the decoder allocates before
 * reading any data: a 14-byte hostile header could otherwise ask for gigabytes.
 */
public final class DecoderFailure {
  /**
   * Most memory an xz or LZMA decoder may allocate, in KiB: 128 MiB, twice what {@code xz -9} and
   * {@code lzma -9} (the largest presets, and more than kernels are built with) need.
   */
  public static final int MEMORY_LIMIT_KIB = 128 * 1024;

  private DecoderFailure() {}

  /**
   * A message for the failure {@code e} of a {@code format} decoder ("XZ", "LZMA"): a dictionary
   * over {@link #MEMORY_LIMIT_KIB}, data that ends early, or corrupt data with the decoder's
   * reason.
   */
  public static String describe(String format, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.tukaani.xz.MemoryLimitException m) {
        return format
            + " data declares a dictionary that needs "
            + m.getMemoryNeeded()
            + " KiB of memory, more than the "
            + MEMORY_LIMIT_KIB
            + " KiB allowed; refusing it";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return "truncated " + format + " data: it ends before the stream does";
      }
    }
    String reason = e.getMessage();
    if (reason == null || reason.isBlank()) {
      reason = e.getClass().getSimpleName();
    }
    return "corrupt " + format + " data: " + reason;
  }
}
