package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.source.BtfFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KernelTreeMinimizer}: every kernel of a tree is minimized as on its own, whatever the
 * number of threads; one outcome per kernel, in path order; a kernel that can't be read, or whose
 * mirrored path another file already took, is an outcome with an error and the rest go on.
 */
class KernelTreeMinimizerTest {
  @TempDir Path tmp;

  @Test
  void everyKernelAsOnItsOwnWithOneOrManyThreads() throws IOException {
    Path tree = tmp.resolve("tree");
    Files.createDirectories(tree.resolve("a"));
    for (String k : Fixtures.KERNELS) {
      Files.copy(Fixtures.kernelFile(k), tree.resolve("a/" + k + ".btf.xz"));
    }
    List<ObjectBtf> objects =
        List.of(Fixtures.object("core_reads").load(), Fixtures.object("fields").load());
    AtomicInteger found = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    KernelTreeMinimizer.Listener counting =
        new KernelTreeMinimizer.Listener() {
          @Override
          public void found(String path, int queued) {
            found.incrementAndGet();
          }

          @Override
          public void finished(KernelTreeMinimizer.Outcome outcome, int done) {
            finished.incrementAndGet();
          }
        };

    for (int jobs : new int[] {1, 3}) {
      Path out = tmp.resolve("out" + jobs);
      List<KernelTreeMinimizer.Outcome> outcomes =
          KernelTreeMinimizer.run(tree, out, objects, jobs, counting);

      assertEquals(
          Fixtures.KERNELS.stream().sorted().map(k -> "a/" + k + ".btf").toList(),
          outcomes.stream().map(KernelTreeMinimizer.Outcome::path).toList());
      for (KernelTreeMinimizer.Outcome o : outcomes) {
        assertTrue(o.ok(), o.toString());
        String kernel = o.path().substring(2, o.path().length() - ".btf".length());
        assertArrayEquals(
            Btfgen.minimize(Fixtures.targets(kernel), objects).bytes(),
            Files.readAllBytes(out.resolve(o.path())),
            o.path());
      }
    }
    assertEquals(6, found.get());
    assertEquals(6, finished.get());
  }

  @Test
  void unreadableKernelsAndClashingPathsAreOutcomesWithErrors() throws IOException {
    Path tree = tmp.resolve("tree");
    Files.createDirectories(tree);
    String k = Fixtures.KERNELS.get(1);
    Files.copy(Fixtures.kernelFile(k), tree.resolve("k.btf.xz"));
    Files.write(tree.resolve("k.btf"), BtfFiles.readBytes(Fixtures.kernelFile(k)));
    Files.write(tree.resolve("junk.btf"), new byte[] {(byte) 0x9f, (byte) 0xeb, 1, 0, 0, 0});

    List<KernelTreeMinimizer.Outcome> outcomes =
        KernelTreeMinimizer.run(
            tree,
            tmp.resolve("out"),
            List.of(Fixtures.object("core_reads").load()),
            2,
            new KernelTreeMinimizer.Listener() {});

    assertEquals(3, outcomes.size());
    assertEquals("junk.btf", outcomes.get(0).path());
    assertFalse(outcomes.get(0).ok());
    assertEquals(
        1,
        outcomes.stream().filter(o -> o.path().equals("k.btf") && o.ok()).count(),
        "one of k.btf and k.btf.xz is written: " + outcomes);
    assertTrue(
        outcomes.stream()
            .anyMatch(o -> o.error().orElse("").contains("another file of the tree also becomes")),
        outcomes.toString());
  }

  @Test
  void jobsMustBePositive() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            KernelTreeMinimizer.run(tmp, tmp, List.of(), 0, new KernelTreeMinimizer.Listener() {}));
  }
}
