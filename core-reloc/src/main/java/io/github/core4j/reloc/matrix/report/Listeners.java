package io.github.core4j.reloc.matrix.report;

import io.github.core4j.reloc.matrix.KernelRow;
import io.github.core4j.reloc.matrix.MatrixListener;
import io.github.core4j.reloc.matrix.MatrixSummary;
import io.github.core4j.reloc.matrix.ObjectCheck;
import java.util.List;

/** Several reports of one run. */
public final class Listeners {
  private Listeners() {}

  /** A listener that passes everything to each of {@code listeners}, in order. */
  public static MatrixListener all(List<MatrixListener> listeners) {
    List<MatrixListener> all = List.copyOf(listeners);
    return new MatrixListener() {
      @Override
      public void start(List<ObjectCheck> objects) {
        for (MatrixListener l : all) {
          l.start(objects);
        }
      }

      @Override
      public void row(KernelRow row) {
        for (MatrixListener l : all) {
          l.row(row);
        }
      }

      @Override
      public void finish(MatrixSummary summary) {
        for (MatrixListener l : all) {
          l.finish(summary);
        }
      }
    };
  }
}
