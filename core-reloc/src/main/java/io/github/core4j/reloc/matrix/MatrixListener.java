package io.github.core4j.reloc.matrix;

import java.util.List;

/**
 * Receives the matrix as it is computed, one kernel row at a time, in the kernels' order (the order
 * of the sources, and within each source its own order), whatever order the rows were computed in.
 * Calls never overlap.
 */
public interface MatrixListener {
  /** Before any row: the objects and their programs (the columns). */
  default void start(List<ObjectCheck> objects) {}

  /** One kernel's row. */
  void row(KernelRow row);

  /** After the last row. */
  default void finish(MatrixSummary summary) {}
}
