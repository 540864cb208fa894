package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.source.BtfTree;
import io.github.core4j.elf.kernel.KernelBtf;
import io.github.core4j.reloc.Targets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * btfgen over a whole tree of kernels — a directory or a (compressed) tar archive of kernel BTFs,
 * such as BTFHub's {@code distro/version/arch/kernel.btf.tar.xz} ({@link BtfTree}) — producing the
 * mirrored tree of minimized BTFs: {@code ubuntu/20.04/x86_64/5.4.0-26-generic.btf.tar.xz} becomes
 * {@code OUT/ubuntu/20.04/x86_64/5.4.0-26-generic.btf}.
 *
 * <p>Archives are streamed, never extracted to disk. The kernels are decompressed, relocated and
 * minimized on a fixed pool of threads; at most twice as many kernels as threads are in memory at
 * once, so memory stays bounded however large the tree. A kernel that can't be read or written is
 * reported in its {@link Outcome} and the others go on.
 */
public final class KernelTreeMinimizer {
  private KernelTreeMinimizer() {}

  /**
   * What happened to one kernel of the tree.
   *
   * @param path the kernel's mirrored path in the tree ({@code /}-separated)
   * @param output where its minimized BTF was written (or was to be)
   * @param result the minimized BTF, when it worked
   * @param error why not, when it did not
   */
  public record Outcome(
      String path, Path output, Optional<MinimizedBtf> result, Optional<String> error) {
    /** Whether the kernel was minimized and written. */
    public boolean ok() {
      return result.isPresent();
    }
  }

  /**
   * Called as the run progresses, from the scanning thread ({@link #found}) and from worker threads
   * ({@link #finished}); implementations synchronize themselves.
   */
  public interface Listener {
    /** A file of the tree was found and queued ({@code queued} so far). */
    default void found(String path, int queued) {}

    /** A kernel was done with ({@code done} so far). */
    default void finished(Outcome outcome, int done) {}
  }

  /**
   * Minimizes every kernel of {@code tree} for {@code objects}, writing the mirrored tree under
   * {@code outDir}, with {@code jobs} threads.
   *
   * @return one outcome per kernel, in path order
   * @throws io.github.core4j.btf.BtfFormatException when the tree's root archive is corrupt (the
   *     kernels read before the damage are written)
   */
  public static List<Outcome> run(
      Path tree, Path outDir, List<ObjectBtf> objects, int jobs, Listener listener) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
    }
    List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    Set<String> outputs = ConcurrentHashMap.newKeySet();
    Semaphore inFlight = new Semaphore(2 * jobs);
    AtomicInteger queued = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, daemonThreads());
    try {
      BtfTree.scan(
          tree,
          item -> {
            inFlight.acquireUninterruptibly();
            listener.found(item.path(), queued.incrementAndGet());
            try {
              pool.execute(
                  () -> {
                    try {
                      item.read(
                          entry -> {
                            Outcome o = minimizeOne(entry, outDir, objects, outputs);
                            outcomes.add(o);
                            listener.finished(o, done.incrementAndGet());
                          });
                    } catch (RuntimeException e) {
                      Outcome o =
                          new Outcome(
                              item.path(),
                              outDir.resolve(item.path()),
                              Optional.empty(),
                              Optional.of(message(e)));
                      outcomes.add(o);
                      listener.finished(o, done.incrementAndGet());
                    } finally {
                      inFlight.release();
                    }
                  });
            } catch (RuntimeException e) {
              inFlight.release();
              throw e;
            }
          });
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparing(Outcome::path));
    return sorted;
  }

  private static Outcome minimizeOne(
      BtfTree.Entry entry, Path outDir, List<ObjectBtf> objects, Set<String> outputs) {
    Path out = outDir.resolve(entry.path());
    try {
      if (!outputs.add(entry.path())) {
        throw new IllegalArgumentException(
            "another file of the tree also becomes " + entry.path() + "; skipped");
      }
      Btf btf = KernelBtf.read(ByteBuffer.wrap(entry.bytes()), entry.path(), null);
      MinimizedBtf min = Btfgen.minimize(Targets.of(btf), objects);
      Path parent = out.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      min.writeTo(out);
      return new Outcome(entry.path(), out, Optional.of(min), Optional.empty());
    } catch (IOException e) {
      return new Outcome(
          entry.path(), out, Optional.empty(), Optional.of("cannot write " + out + ": " + e));
    } catch (RuntimeException e) {
      return new Outcome(entry.path(), out, Optional.empty(), Optional.of(message(e)));
    }
  }

  private static String message(RuntimeException e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "btfgen-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.DAYS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
