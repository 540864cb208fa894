package io.github.core4j.reloc.matrix;

/**
 * Hears how far a matrix run is. Calls never overlap; they come from the workers, so an
 * implementation returns quickly.
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (done, expected) -> {};

  /**
   * A kernel is done.
   *
   * @param done kernels done so far
   * @param expected kernels expected in all (an estimate while archives are being read: at least
   *     {@code done})
   */
  void update(int done, int expected);

  /** The run is over (also after a failure). */
  default void finish() {}
}
