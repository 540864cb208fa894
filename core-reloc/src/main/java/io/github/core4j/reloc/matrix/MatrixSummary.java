package io.github.core4j.reloc.matrix;

/**
 * Totals of a finished matrix.
 *
 * @param kernels kernels checked
 * @param cells cells computed
 * @param failed cells that are not OK
 */
public record MatrixSummary(int kernels, long cells, long failed) {
  /** Whether every program loads on every kernel. */
  public boolean allOk() {
    return failed == 0;
  }
}
