package io.github.core4j.reloc.matrix;

import io.github.core4j.reloc.kernels.Kernel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one BPF object is judged against one kernel: one {@link Cell} per program. The matrix calls
 * {@link #check} from several threads at once, each with a different kernel, so implementations
 * keep per-kernel state local to the call.
 */
public interface ObjectCheck {
  /** The object's name, as cells report it. */
  String object();

  /** The object's programs, in the order {@link #check} reports them. */
  List<String> programs();

  /**
   * The essential names of every kernel type {@link #check} will search for, when known: the matrix
   * then indexes only those names of each kernel ({@link Kernel#indexingOnly}). Empty when unknown.
   */
  default Optional<Set<String>> typeNames() {
    return Optional.empty();
  }

  /** One cell per program of {@link #programs()}, in that order. */
  List<Cell> check(Kernel kernel);
}
