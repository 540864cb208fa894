package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpfSourcesTest {
  @TempDir Path dir;

  @Test
  void sourcesObjectsAndHeadersAreFoundInSubdirectoriesSorted() throws IOException {
    Path b = touch("net/b.bpf.c");
    Path a = touch("a.bpf.c");
    Path o = touch("prebuilt/x.bpf.o");
    Path h = touch("common.h");

    BpfSources s = BpfSources.scan(dir);

    assertEquals(List.of(a, b), s.programs());
    assertEquals(List.of(o), s.prebuilt());
    assertEquals(List.of(h), s.others());
  }

  @Test
  void aMissingDirectoryHoldsNothing() {
    assertTrue(BpfSources.scan(dir.resolve("none")).isEmpty());
  }

  @Test
  void objectsMirrorTheSourceTree() throws IOException {
    Path b = touch("net/b.bpf.c");
    Path out = Path.of("/out");
    assertEquals(out.resolve("net/b.bpf.o"), BpfSources.scan(dir).objectFor(b, out));
  }

  private Path touch(String name) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, name);
    return p;
  }
}
