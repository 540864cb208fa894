package io.github.core4j.reloc.kernels;

/** A kernel source could not be read: the message names the file and what was wrong with it. */
public final class KernelSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@code location}: {@code message}. */
  public KernelSourceException(String location, String message) {
    super(location + ": " + message);
  }

  /** {@code location}: {@code message}, caused by {@code cause}. */
  public KernelSourceException(String location, String message, Throwable cause) {
    super(location + ": " + message, cause);
  }
}
