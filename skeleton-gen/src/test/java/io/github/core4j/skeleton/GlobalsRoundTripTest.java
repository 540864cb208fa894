package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.DataSection;
import io.github.core4j.runtime.typed.BpfSkeleton;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every global variable of every testdata object round-trips through its generated accessors:
 * setting each variable to what its getter read leaves the section's bytes exactly as clang wrote
 * them (records, arrays, enums, strings, scalars at their offsets). The loader opens objects of
 * this machine's byte order only; big-endian layouts are proven on records by {@link
 * LayoutProbeRoundTripTest}.
 */
class GlobalsRoundTripTest {
  @Test
  void settingEachGlobalToItsOwnValueKeepsClangsBytes(@TempDir Path work) throws Exception {
    List<GeneratedSkeleton> skeletons = new ArrayList<>();
    Map<String, BpfObject> objects = new LinkedHashMap<>();
    List<Path> paths = new ArrayList<>(TestObjects.all());
    paths.add(LayoutProbe.path("bpfel"));
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (!name.contains(".bpfel.")) {
        continue;
      }
      String pkg = "roundtrip";
      GeneratedSkeleton s = TestObjects.generate(p, pkg);
      skeletons.add(s);
      objects.put(pkg + "." + s.className(), BpfObject.open(TestObjects.bytes(p), name));
    }
    int variables = 0;
    try (URLClassLoader loader = InProcessCompiler.compile(work, skeletons)) {
      for (Map.Entry<String, BpfObject> e : objects.entrySet()) {
        Class<?> type = loader.loadClass(e.getKey());
        try (BpfSkeleton skel = (BpfSkeleton) type.getMethod("open").invoke(null)) {
          Map<String, byte[]> before = sections(skel, e.getValue());
          for (Method section : type.getMethods()) {
            if (section.getDeclaringClass() != type
                || section.getParameterCount() != 0
                || section.getReturnType().getEnclosingClass() != type
                || section.getName().equals("maps")
                || section.getName().equals("progs")) {
              continue;
            }
            Object vars = section.invoke(skel);
            for (Method getter : vars.getClass().getMethods()) {
              if (getter.getDeclaringClass() != vars.getClass()
                  || getter.getParameterCount() != 0) {
                continue;
              }
              Method setter;
              try {
                setter = vars.getClass().getMethod(getter.getName(), getter.getReturnType());
              } catch (NoSuchMethodException derivedGetter) {
                continue; // xxxEnum(): no setter of its own
              }
              setter.invoke(vars, getter.invoke(vars));
              variables++;
            }
          }
          Map<String, byte[]> after = sections(skel, e.getValue());
          for (String s : before.keySet()) {
            assertArrayEquals(before.get(s), after.get(s), e.getKey() + " " + s);
          }
        }
      }
    }
    assertTrue(variables >= 40, "only " + variables + " variables round-tripped");
  }

  private static Map<String, byte[]> sections(BpfSkeleton skel, BpfObject object) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (DataSection d : object.dataSections()) {
      if (!d.name().equals(".kconfig")) {
        out.put(d.name(), skel.openObject().globalData(d.name()).toArray(ValueLayout.JAVA_BYTE));
      }
    }
    return out;
  }
}
