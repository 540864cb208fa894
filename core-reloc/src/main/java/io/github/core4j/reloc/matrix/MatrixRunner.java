package io.github.core4j.reloc.matrix;

import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.kernels.KernelSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Computes the matrix of kernels × programs: every kernel from the sources is read and parsed once,
 * checked against every object, and dropped; rows reach the {@link MatrixListener} in the kernels'
 * order as soon as that order allows.
 *
 * <p>How the work is shared: the sources are flattened into their independent parts (a directory
 * into its files). {@code threads} workers each take the next part, read it and check the kernels
 * it holds. A part holding many kernels (a tarball: decompressed as one stream, so read by one
 * worker) hands its kernels to idle workers when there are any, and checks them itself otherwise.
 *
 * <p>Memory stays bounded: at most one kernel per worker plus {@code threads} kernels waiting for
 * an idle worker are alive at once, and workers never run more than {@code window} parts ahead of
 * the first row not yet delivered, so at most that many parts' rows (cells only, no BTF) wait to be
 * delivered in order.
 */
public final class MatrixRunner {
  private final List<ObjectCheck> checks;
  private final int threads;
  private final Progress progress;
  private final @Nullable Set<String> typeNames;

  /**
   * A runner for {@code checks} on {@code threads} workers.
   *
   * @param progress told after every kernel
   */
  public MatrixRunner(List<ObjectCheck> checks, int threads, Progress progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.checks = List.copyOf(checks);
    this.threads = threads;
    this.progress = progress;
    Set<String> names = new HashSet<>();
    boolean known = true;
    for (ObjectCheck c : this.checks) {
      Optional<Set<String>> n = c.typeNames();
      known &= n.isPresent();
      n.ifPresent(names::addAll);
    }
    this.typeNames = known ? Set.copyOf(names) : null;
  }

  /** A runner on every available processor, reporting no progress. */
  public static MatrixRunner of(List<ObjectCheck> checks) {
    return new MatrixRunner(checks, Runtime.getRuntime().availableProcessors(), Progress.NONE);
  }

  /**
   * Checks every kernel of {@code sources} (in order) and delivers the rows to {@code listener}.
   *
   * @throws RuntimeException the first failure of a source, check or listener; the run stops at the
   *     first one
   */
  public MatrixSummary run(List<? extends KernelSource> sources, MatrixListener listener) {
    List<KernelSource> parts = new ArrayList<>();
    for (KernelSource s : sources) {
      parts.addAll(s.parts());
    }
    Run run = new Run(parts, listener);
    listener.start(checks);
    try {
      run.execute();
    } finally {
      progress.finish();
    }
    MatrixSummary summary = new MatrixSummary(run.rows, run.cells, run.failed);
    listener.finish(summary);
    return summary;
  }

  /** The cells of one kernel: every object's, in order. */
  List<Cell> checkAll(Kernel read) {
    Set<String> names = typeNames;
    Kernel kernel = names == null ? read : read.indexingOnly(names);
    List<Cell> cells = new ArrayList<>();
    for (ObjectCheck c : checks) {
      cells.addAll(c.check(kernel));
    }
    return cells;
  }

  /** One kernel waiting for an idle worker. */
  private record Handoff(int part, int index, Kernel kernel) {}

  /** The rows of one part not yet delivered. */
  private static final class PartRows {
    final Map<Integer, KernelRow> rows = new HashMap<>();
    int total = -1; // known once the part has been read
  }

  /** The state of one run, shared by its workers and guarded by {@code this}. */
  private final class Run {
    final List<KernelSource> parts;
    final MatrixListener listener;
    final int window;
    final ArrayDeque<Handoff> handoff = new ArrayDeque<>();
    final Map<Integer, PartRows> pending = new HashMap<>();
    int nextPart;
    int readers;
    int idle;
    int emitPart;
    int emitIndex;
    int done;
    int expected;
    int rows;
    long cells;
    long failed;
    @Nullable RuntimeException failure;
    @Nullable Error error;

    Run(List<KernelSource> parts, MatrixListener listener) {
      this.parts = parts;
      this.listener = listener;
      this.window = Math.max(16, 4 * threads);
      int sum = 0;
      for (KernelSource p : parts) {
        sum += Math.max(1, p.expectedKernels());
      }
      this.expected = sum;
    }

    void execute() {
      List<Thread> workers = new ArrayList<>();
      int n = parts.isEmpty() ? 1 : threads;
      if (n == 1) {
        work(); // no thread needed
      } else {
        for (int i = 0; i < n; i++) {
          Thread t = new Thread(this::work, "core4j-matrix-" + i);
          t.setDaemon(true);
          workers.add(t);
          t.start();
        }
        boolean interrupted = false;
        for (Thread t : workers) {
          while (true) {
            try {
              t.join();
              break;
            } catch (InterruptedException e) {
              interrupted = true;
              fail(new IllegalStateException("interrupted", e));
            }
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (this) {
        if (error != null) {
          throw error;
        }
        if (failure != null) {
          throw failure;
        }
        if (emitPart != parts.size()) {
          throw new IllegalStateException(
              "matrix stopped after " + emitPart + " of " + parts.size() + " sources");
        }
      }
    }

    /** A worker: kernels handed off first, then the next part, until nothing is left. */
    void work() {
      try {
        while (true) {
          Handoff task = null;
          int part = -1;
          synchronized (this) {
            while (true) {
              if (failure != null || error != null) {
                return;
              }
              task = handoff.poll();
              if (task != null) {
                break;
              }
              if (nextPart < parts.size() && nextPart < emitPart + window) {
                part = nextPart++;
                readers++;
                break;
              }
              if (nextPart >= parts.size() && readers == 0) {
                notifyAll();
                return;
              }
              idle++;
              try {
                wait();
              } finally {
                idle--;
              }
            }
          }
          if (task != null) {
            evaluate(task.part(), task.index(), task.kernel());
          } else {
            read(part);
          }
        }
      } catch (InterruptedException e) {
        fail(new IllegalStateException("interrupted", e));
      } catch (RuntimeException e) {
        fail(e);
      } catch (Error e) {
        synchronized (this) {
          if (error == null) {
            error = e;
          }
          notifyAll();
        }
      }
    }

    void read(int part) {
      int[] count = {0};
      parts
          .get(part)
          .forEach(
              kernel -> {
                int index = count[0]++;
                if (!offer(part, index, kernel)) {
                  evaluate(part, index, kernel);
                }
              });
      synchronized (this) {
        readers--;
        PartRows p = pending.computeIfAbsent(part, k -> new PartRows());
        p.total = count[0];
        if (count[0] != Math.max(1, parts.get(part).expectedKernels())) {
          expected += count[0] - Math.max(1, parts.get(part).expectedKernels());
        }
        deliver();
        notifyAll();
      }
    }

    /** Hands a kernel to an idle worker, if there is one and room to wait. */
    synchronized boolean offer(int part, int index, Kernel kernel) {
      if (idle == 0 || handoff.size() >= threads) {
        return false;
      }
      handoff.add(new Handoff(part, index, kernel));
      notifyAll();
      return true;
    }

    void evaluate(int part, int index, Kernel kernel) {
      if (failure != null) {
        return;
      }
      KernelRow row = new KernelRow(kernel.name(), kernel.location(), checkAll(kernel));
      synchronized (this) {
        if (failure != null) {
          return;
        }
        pending.computeIfAbsent(part, k -> new PartRows()).rows.put(index, row);
        done++;
        progress.update(done, Math.max(done, expected));
        deliver();
        notifyAll();
      }
    }

    /** Delivers every row whose turn has come. Holding the lock. */
    private void deliver() {
      while (emitPart < parts.size()) {
        PartRows p = pending.get(emitPart);
        if (p == null) {
          return;
        }
        KernelRow row = p.rows.remove(emitIndex);
        if (row != null) {
          listener.row(row);
          rows++;
          cells += row.cells().size();
          for (Cell c : row.cells()) {
            if (!c.ok()) {
              failed++;
            }
          }
          emitIndex++;
          continue;
        }
        if (p.total >= 0 && emitIndex >= p.total) {
          pending.remove(emitPart);
          emitPart++;
          emitIndex = 0;
          continue;
        }
        return;
      }
    }

    synchronized void fail(RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
      notifyAll();
    }
  }
}
