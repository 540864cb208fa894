package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every object of {@code testdata/bpf/out}, in both byte orders, gives a skeleton that compiles
 * with {@code -Xlint:all -Werror}, and the same object always gives the same source.
 */
class GeneratedSourcesCompileTest {
  @Test
  void everyTestdataObjectGivesASkeletonThatCompilesWithoutWarnings(@TempDir Path work)
      throws Exception {
    List<GeneratedSkeleton> skeletons = new ArrayList<>();
    for (Path p : TestObjects.all()) {
      String order = p.getFileName().toString().contains(".bpfeb.") ? "eb" : "el";
      skeletons.add(TestObjects.generate(p, "compiled." + order));
    }
    try (var loader = InProcessCompiler.compile(work, skeletons)) {
      for (GeneratedSkeleton s : skeletons) {
        Class<?> c = loader.loadClass(s.packageName() + "." + s.className());
        assertEquals(s.className(), c.getSimpleName());
      }
    }
  }

  @Test
  void generationIsStable() {
    for (Path p : TestObjects.all()) {
      assertEquals(
          TestObjects.generate(p, "stable").javaSource(),
          TestObjects.generate(p, "stable").javaSource(),
          p.toString());
    }
  }
}
