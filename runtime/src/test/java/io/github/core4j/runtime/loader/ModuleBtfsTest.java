package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.link.KernelBtfIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Module BTF is what {@code /sys/kernel/btf} lists besides vmlinux, held open only while a load
 * needs it; kfuncs found there are called through {@code fd_array} indexes from 1.
 */
@ExtendWith(NoFdLeaks.class)
class ModuleBtfsTest {
  @Test
  void modulesAreTheKernelBtfsOtherThanVmlinux() throws IOException {
    Kernel.requireRoot();
    Set<String> sysfs = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("/sys/kernel/btf"))) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("vmlinux"))
          .forEach(sysfs::add);
    }
    try (ModuleBtfs modules = ModuleBtfs.load(KernelBtfIds.vmlinux())) {
      Set<String> names = new TreeSet<>();
      for (ModuleBtfs.Module m : modules.modules()) {
        names.add(m.name());
        assertTrue(m.btf().firstId() > 1, "split on vmlinux: " + m.name());
      }
      assertEquals(sysfs, names);
    }
  }

  @Test
  void fdArrayIndexesStartAtOneAndRepeatForTheSameFd() {
    FdArray a = new FdArray();
    assertEquals(List.of(), a.toList(), "no module: no fd_array");
    assertEquals(1, a.indexOf(17));
    assertEquals(2, a.indexOf(23));
    assertEquals(1, a.indexOf(17));
    assertEquals(List.of(0, 17, 23), a.toList());
    assertFalse(a.toList().isEmpty());
  }
}
