package io.github.core4j.reloc.matrix;

import org.jspecify.annotations.Nullable;

/**
 * One cell of the compatibility matrix: whether {@code program} of {@code object} would load on
 * {@code kernel} as far as CO-RE relocation decides it.
 *
 * @param kernel the kernel's name
 * @param object the object's name (its file name)
 * @param program the program's C function name
 * @param ok whether every CO-RE relocation the program needs resolves on the kernel, or fails only
 *     behind a guard the kernel's values make dead
 * @param reason why not, when not ok; null when ok
 */
public record Cell(
    String kernel, String object, String program, boolean ok, @Nullable String reason) {
  /** An OK cell. */
  public static Cell ok(String kernel, String object, String program) {
    return new Cell(kernel, object, program, true, null);
  }

  /** A FAIL cell, with the reason. */
  public static Cell fail(String kernel, String object, String program, String reason) {
    return new Cell(kernel, object, program, false, reason);
  }
}
