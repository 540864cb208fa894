package io.github.core4j.reloc.matrix;

import java.util.List;

/**
 * One kernel's row of the matrix: a cell per program of every object, objects in the order they
 * were given, programs in each object's order.
 *
 * @param kernel the kernel's name
 * @param location where its BTF was read from
 * @param cells the cells
 */
public record KernelRow(String kernel, String location, List<Cell> cells) {
  /** Copies the cells so the record stays immutable. */
  public KernelRow {
    cells = List.copyOf(cells);
  }

  /** Whether every cell of the row is OK. */
  public boolean allOk() {
    for (Cell c : cells) {
      if (!c.ok()) {
        return false;
      }
    }
    return true;
  }
}
