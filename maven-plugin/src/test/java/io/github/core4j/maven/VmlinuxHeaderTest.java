package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmlinuxHeaderTest {
  @TempDir Path dir;

  @Test
  void theHeaderHoldsTheKernelsTypesAsC() throws IOException {
    Path header = VmlinuxHeader.write(Tools.kernel("6.1.0-50-amd64"), dir.resolve("include"));

    assertEquals(dir.resolve("include/vmlinux.h"), header);
    String c = Files.readString(header);
    assertTrue(c.startsWith("#ifndef __VMLINUX_H__"), c.substring(0, 40));
    assertTrue(c.contains("struct task_struct {"));
    assertTrue(c.contains("struct xdp_md {"));
  }

  @Test
  void aMissingBtfFileSaysWhatToConfigure() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> VmlinuxHeader.write(dir.resolve("nope.btf"), dir.resolve("include")));
    assertEquals(
        "<btf> "
            + dir.resolve("nope.btf")
            + " does not exist: point it at a kernel BTF (raw, compressed or a vmlinux) or leave"
            + " it out to use /sys/kernel/btf/vmlinux",
        e.getMessage());
  }

  @Test
  void aFileThatIsNotBtfIsNamed() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.btf"), "not BTF at all");
    BuildException e =
        assertThrows(BuildException.class, () -> VmlinuxHeader.write(junk, dir.resolve("include")));
    assertTrue(
        e.getMessage().startsWith("cannot read kernel BTF " + junk + " for vmlinux.h: "),
        e.getMessage());
  }
}
