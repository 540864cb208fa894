package io.github.core4j.maven;

import java.util.List;

/**
 * A program that would not load on a kernel: what the {@code check} goal lists when it fails the
 * build.
 *
 * @param object the object's file name
 * @param program the program's C function name
 * @param kernel the kernel's name
 * @param reason the relocations that fail (kind, spec, what went wrong), as the matrix reports them
 * @param sourceLines the C source lines of those relocations ({@code file:line})
 */
public record CheckFailure(
    String object, String program, String kernel, String reason, List<String> sourceLines) {
  /** Copies the lines so the record stays immutable. */
  public CheckFailure {
    sourceLines = List.copyOf(sourceLines);
  }

  /** One line for the build log. */
  public String describe() {
    return "program "
        + program
        + " ("
        + object
        + ") on kernel "
        + kernel
        + ": "
        + reason
        + (sourceLines.isEmpty() ? "" : " at " + String.join(", ", sourceLines));
  }
}
