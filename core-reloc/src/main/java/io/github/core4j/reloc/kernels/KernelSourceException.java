package io.github.core4j.reloc.kernels;

import io.github.core4j.btf.OneLine;

/** A kernel source could not be read: the message names the file and what was wrong with it. */
public final class KernelSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code location}: {@code message}. */
  public KernelSourceException(String location, String message) {
    super(OneLine.of(location + ": " + message));
  }

  /** {@code location}: {@code message}, caused by {@code cause}. */
  public KernelSourceException(String location, String message, Throwable cause) {
    super(OneLine.of(location + ": " + message), cause);
  }
}
