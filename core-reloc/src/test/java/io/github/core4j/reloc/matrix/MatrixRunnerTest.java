package io.github.core4j.reloc.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfInt;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.kernels.KernelSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The matrix runner: rows arrive in the kernels' order whatever order they are computed in, each
 * kernel is read once and checked against every object, work spreads over the threads, memory stays
 * bounded, and the first failure stops the run.
 */
@Timeout(60)
class MatrixRunnerTest {
  static Btf btf(String name) {
    BtfBuilder b = new BtfBuilder();
    b.add(new BtfInt(name, 4, 0, 0, 32));
    return b.build();
  }

  /** A source of {@code names.size()} kernels, each taking a random few milliseconds to read. */
  static final class FakeSource implements KernelSource {
    final List<String> names;
    final Random random;
    final AtomicInteger reads = new AtomicInteger();

    FakeSource(long seed, String... names) {
      this.names = List.of(names);
      this.random = new Random(seed);
    }

    @Override
    public String location() {
      return "fake:" + names;
    }

    @Override
    public void forEach(Consumer<Kernel> each) {
      for (String n : names) {
        sleep(random.nextInt(5));
        reads.incrementAndGet();
        each.accept(new Kernel(n, location(), btf(n)));
      }
    }

    @Override
    public int expectedKernels() {
      return names.size();
    }
  }

  /** An object with programs p0..pN that FAILs a program whose index divides the kernel's. */
  static final class FakeCheck implements ObjectCheck {
    final String name;
    final int programs;
    final List<String> checked = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    FakeCheck(String name, int programs) {
      this.name = name;
      this.programs = programs;
    }

    @Override
    public String object() {
      return name;
    }

    @Override
    public List<String> programs() {
      List<String> p = new ArrayList<>();
      for (int i = 0; i < programs; i++) {
        p.add("p" + i);
      }
      return p;
    }

    @Override
    public List<Cell> check(Kernel kernel) {
      int now = concurrent.incrementAndGet();
      maxConcurrent.accumulateAndGet(now, Math::max);
      checked.add(kernel.name());
      sleep(2);
      // the BTF is the kernel's own
      assertEquals(kernel.name(), kernel.btf().name(1));
      List<Cell> cells = new ArrayList<>();
      int k = Integer.parseInt(kernel.name().substring(1));
      for (int i = 0; i < programs; i++) {
        cells.add(
            i > 0 && k % (i + 1) == 0
                ? Cell.fail(kernel.name(), name, "p" + i, "divisible by " + (i + 1))
                : Cell.ok(kernel.name(), name, "p" + i));
      }
      concurrent.decrementAndGet();
      return cells;
    }
  }

  static class Recorder implements MatrixListener {
    final List<KernelRow> rows = new ArrayList<>();
    List<ObjectCheck> started = List.of();
    MatrixSummary summary;

    @Override
    public void start(List<ObjectCheck> objects) {
      started = objects;
    }

    @Override
    public void row(KernelRow row) {
      rows.add(row);
    }

    @Override
    public void finish(MatrixSummary s) {
      summary = s;
    }
  }

  static void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static List<String> kernelNames(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add("k" + i);
    }
    return out;
  }

  @Test
  void rowsArriveInSourceOrderWhateverTheThreadsDo() {
    List<KernelSource> sources = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sources.add(new FakeSource(i, "k" + i));
    }
    FakeCheck a = new FakeCheck("a.o", 2);
    FakeCheck b = new FakeCheck("b.o", 3);
    Recorder r = new Recorder();
    MatrixSummary s = new MatrixRunner(List.of(a, b), 4, Progress.NONE).run(sources, r);
    assertEquals(kernelNames(0, 40), r.rows.stream().map(KernelRow::kernel).toList());
    assertEquals(List.of(a, b), r.started);
    for (KernelRow row : r.rows) {
      assertEquals(5, row.cells().size());
      assertEquals("a.o", row.cells().get(0).object());
      assertEquals("p1", row.cells().get(1).program());
      assertEquals("b.o", row.cells().get(2).object());
    }
    assertEquals(40, s.kernels());
    assertEquals(200, s.cells());
    assertEquals(s, r.summary);
    assertTrue(a.maxConcurrent.get() > 1, "kernels are checked in parallel");
  }

  @Test
  void eachKernelIsReadOnceAndCheckedOncePerObject() {
    FakeSource one = new FakeSource(1, "k1", "k2", "k3");
    FakeSource two = new FakeSource(2, "k4");
    FakeCheck a = new FakeCheck("a.o", 1);
    FakeCheck b = new FakeCheck("b.o", 1);
    new MatrixRunner(List.of(a, b), 3, Progress.NONE).run(List.of(one, two), new Recorder());
    assertEquals(3, one.reads.get());
    assertEquals(1, two.reads.get());
    assertEquals(List.of("k1", "k2", "k3", "k4"), a.checked.stream().sorted().toList());
    assertEquals(List.of("k1", "k2", "k3", "k4"), b.checked.stream().sorted().toList());
  }

  @Test
  void aSourceOfManyKernelsSharesThemWithIdleWorkers() {
    String[] names = kernelNames(0, 30).toArray(String[]::new);
    FakeCheck a = new FakeCheck("a.o", 2);
    Recorder r = new Recorder();
    new MatrixRunner(List.of(a), 4, Progress.NONE).run(List.of(new FakeSource(7, names)), r);
    assertEquals(List.of(names), r.rows.stream().map(KernelRow::kernel).toList());
    assertTrue(a.maxConcurrent.get() > 1, "one archive's kernels are checked in parallel");
  }

  @Test
  void theFirstRowIsDeliveredBeforeTheLastKernelIsRead() {
    CountDownLatch firstRow = new CountDownLatch(1);
    KernelSource slowTail =
        new KernelSource() {
          @Override
          public String location() {
            return "slow";
          }

          @Override
          public void forEach(Consumer<Kernel> each) {
            try {
              assertTrue(firstRow.await(20, TimeUnit.SECONDS), "row k0 was not streamed");
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            each.accept(new Kernel("k9", "slow", btf("k9")));
          }
        };
    Recorder r =
        new Recorder() {
          @Override
          public void row(KernelRow row) {
            super.row(row);
            firstRow.countDown();
          }
        };
    new MatrixRunner(List.of(new FakeCheck("a.o", 1)), 2, Progress.NONE)
        .run(List.of(new FakeSource(1, "k0"), slowTail), r);
    assertEquals(List.of("k0", "k9"), r.rows.stream().map(KernelRow::kernel).toList());
  }

  @Test
  void fewKernelsAreAliveAtOnce() {
    AtomicInteger alive = new AtomicInteger();
    AtomicInteger maxAlive = new AtomicInteger();
    List<KernelSource> sources = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String n = "k" + i;
      sources.add(
          new KernelSource() {
            @Override
            public String location() {
              return n;
            }

            @Override
            public void forEach(Consumer<Kernel> each) {
              maxAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
              try {
                each.accept(new Kernel(n, n, btf(n)));
              } finally {
                alive.decrementAndGet();
              }
            }
          });
    }
    new MatrixRunner(List.of(new FakeCheck("a.o", 1)), 3, Progress.NONE)
        .run(sources, new Recorder());
    assertTrue(maxAlive.get() <= 3, "at most one kernel per worker, saw " + maxAlive.get());
  }

  @Test
  void progressCountsEveryKernel() {
    List<String> updates = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger finished = new AtomicInteger();
    Progress p =
        new Progress() {
          @Override
          public void update(int done, int expected) {
            updates.add(done + "/" + expected);
          }

          @Override
          public void finish() {
            finished.incrementAndGet();
          }
        };
    new MatrixRunner(List.of(new FakeCheck("a.o", 1)), 2, p)
        .run(List.of(new FakeSource(1, "k1", "k2"), new FakeSource(2, "k3")), new Recorder());
    assertEquals(3, updates.size());
    assertEquals("3/3", updates.get(2));
    assertEquals(1, finished.get());
  }

  @Test
  void theFirstFailureStopsTheRunAndIsThrown() {
    IllegalStateException boom = new IllegalStateException("unreadable kernel");
    List<KernelSource> sources = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sources.add(new FakeSource(i, "k" + i));
    }
    sources.add(
        5,
        new KernelSource() {
          @Override
          public String location() {
            return "bad";
          }

          @Override
          public void forEach(Consumer<Kernel> each) {
            throw boom;
          }
        });
    Recorder r = new Recorder();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new MatrixRunner(List.of(new FakeCheck("a.o", 1)), 2, Progress.NONE)
                    .run(sources, r));
    assertSame(boom, e);
    assertTrue(r.rows.size() <= 5, "no row past the failure is delivered");
  }

  @Test
  void oneThreadWorksToo() {
    Recorder r = new Recorder();
    new MatrixRunner(List.of(new FakeCheck("a.o", 3)), 1, Progress.NONE)
        .run(List.of(new FakeSource(1, "k2", "k3"), new FakeSource(2, "k4")), r);
    assertEquals(List.of("k2", "k3", "k4"), r.rows.stream().map(KernelRow::kernel).toList());
    assertEquals(
        List.of(true, false, true),
        r.rows.get(0).cells().stream().map(Cell::ok).toList(),
        "k2: p1 fails (divisible by 2)");
  }
}
