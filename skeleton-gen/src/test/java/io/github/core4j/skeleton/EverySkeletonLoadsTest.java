package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.core4j.runtime.loader.LoadOptions;
import io.github.core4j.runtime.typed.BpfSkeleton;
import io.github.core4j.runtime.typed.ProgramHandle;
import io.github.core4j.runtime.typed.TypedArrayMap;
import io.github.core4j.runtime.typed.TypedMap;
import io.github.core4j.runtime.typed.TypedPerCpuArrayMap;
import io.github.core4j.runtime.typed.TypedPerCpuMap;
import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The skeleton of every testdata object that libbpf loads whole on this kernel ({@code
 * testdata/bpf/expected/<name>.load.txt}) opens, loads through the generated class, and every
 * accessor works: each global reads back its value, each typed map view fits its kernel map (sizes
 * checked) and can be walked, each program handle gives its kernel program (root).
 */
class EverySkeletonLoadsTest {
  @Test
  void everyLoadableObjectsSkeletonLoadsAndEveryAccessorWorks(@TempDir Path work) throws Exception {
    Oracle.requireRoot();
    List<GeneratedSkeleton> skeletons = new ArrayList<>();
    for (Path p : TestObjects.all()) {
      String name = p.getFileName().toString();
      String object = name.substring(0, name.indexOf('.'));
      if (name.endsWith(".bpfel.o") && libbpfLoadsWhole(object)) {
        skeletons.add(TestObjects.generate(p, "loads"));
      }
    }
    assertEquals(
        List.of(
            "CoreReads",
            "Globals",
            "MapsBasic",
            "MapsNested",
            "PortKnock",
            "RingbufEvents",
            "StructOps",
            "Subprogs",
            "XdpFilter"),
        skeletons.stream().map(GeneratedSkeleton::className).toList());
    // maps pinned by name go to a bpf filesystem of the test's own
    Path bpffs = Files.createDirectories(work.resolve("bpffs"));
    Oracle.run(List.of("mount", "-t", "bpf", "bpf", bpffs.toString()));
    try (URLClassLoader loader = InProcessCompiler.compile(work, skeletons)) {
      for (GeneratedSkeleton s : skeletons) {
        Class<?> type = loader.loadClass("loads." + s.className());
        try (BpfSkeleton skel = (BpfSkeleton) type.getMethod("open").invoke(null)) {
          skel.load(LoadOptions.defaults().withPinRoot(bpffs));
          for (Method accessor : type.getMethods()) {
            if (accessor.getDeclaringClass() == type
                && accessor.getParameterCount() == 0
                && !Modifier.isStatic(accessor.getModifiers())) {
              exercise(s.className() + "." + accessor.getName(), accessor.invoke(skel));
            }
          }
        }
      }
    } finally {
      Oracle.run(List.of("umount", bpffs.toString()));
    }
  }

  /** Calls every getter of a section, maps or progs object and uses what they return. */
  private static void exercise(String path, Object holder) throws Exception {
    for (Method m : holder.getClass().getMethods()) {
      if (m.getDeclaringClass() != holder.getClass() || m.getParameterCount() != 0) {
        continue;
      }
      String what = path + "()." + m.getName() + "()";
      Object value = m.invoke(holder);
      assertNotNull(value, what);
      if (value instanceof TypedMap<?, ?> map) {
        assertEquals(map.keys().count(), map.stream().count(), what);
      } else if (value instanceof TypedPerCpuMap<?, ?> map) {
        assertEquals(map.keys().count(), map.stream().count(), what);
      } else if (value instanceof TypedArrayMap<?> array) {
        assertEquals(array.size(), array.stream().count(), what);
      } else if (value instanceof TypedPerCpuArrayMap<?> array) {
        assertEquals(array.size(), array.stream().count(), what);
      } else if (value instanceof ProgramHandle handle && handle.autoload()) {
        assertNotNull(handle.program(), what);
      } else if (value instanceof ProgramHandle handle) {
        assertThrows(IllegalStateException.class, handle::program, what + ": not autoloaded");
      }
    }
  }

  private static boolean libbpfLoadsWhole(String object) throws IOException {
    Path expected =
        Path.of(
            System.getProperty("core4j.testdata", "../testdata"),
            "bpf",
            "expected",
            object + ".load.txt");
    return Files.exists(expected) && Files.readString(expected).contains("# whole object: OK");
  }
}
