package io.github.core4j.maven;

/**
 * A setup or input mistake the plugin reports as one line (missing clang, a bad BTF path, no
 * objects, a C compile error): the goals turn it into a Maven failure without a stack trace.
 */
public final class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with the message the user reads. */
  public BuildException(String message) {
    super(message);
  }

  /** A failure with the message the user reads, caused by {@code cause}. */
  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
