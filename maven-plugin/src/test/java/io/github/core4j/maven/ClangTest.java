package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.ProgramType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClangTest {
  @TempDir Path dir;

  static final String XDP_PASS =
      """
      #include "vmlinux.h"
      #include <bpf/bpf_helpers.h>

      char LICENSE[] SEC("license") = "GPL";

      SEC("xdp")
      int pass_all(struct xdp_md *ctx)
      {
      	return XDP_PASS;
      }
      """;

  @Test
  void theCommandLineHasTheFixedFlagsThenTheUsersThenTheFilesRelativeToTheProject() {
    Clang clang =
        new Clang(
            Path.of("/usr/bin/clang-16"),
            "x86",
            List.of(Path.of("/inc"), Path.of("/p/target/core4j/include")),
            List.of("-Wall"),
            Path.of("/p"));
    assertEquals(
        List.of(
            "/usr/bin/clang-16",
            "-O2",
            "-g",
            "-target",
            "bpf",
            "-D__TARGET_ARCH_x86",
            "-fdebug-compilation-dir=.",
            "-I/inc",
            "-Itarget/core4j/include",
            "-Wall",
            "-c",
            "src/main/bpf/a.bpf.c",
            "-o",
            "target/core4j/obj/a.bpf.o"),
        clang.command(Path.of("/p/src/main/bpf/a.bpf.c"), Path.of("/p/target/core4j/obj/a.bpf.o")));
  }

  @Test
  void noClangOnThePathSaysWhatWasTriedAndHowToFixIt() {
    BuildException e = assertThrows(BuildException.class, () -> Clang.locate(null, dir.toString()));
    assertEquals(
        "no clang found on the PATH (tried clang-16, clang) to compile src/main/bpf/*.bpf.c:"
            + " install clang (apt-get install clang-16) or set <clang> to its path",
        e.getMessage());
  }

  @Test
  void aConfiguredPathThatIsNotExecutableIsNamed() {
    BuildException e = assertThrows(BuildException.class, () -> Clang.locate("/no/such/clang", ""));
    assertEquals(
        "clang '/no/such/clang' is not an executable file: fix <clang> in the core4j plugin",
        e.getMessage());
  }

  @Test
  void theDefaultIsClang16WhenPresent() {
    Tools.require("clang-16");
    Path found = Clang.locate(null, System.getenv("PATH"));
    assertEquals("clang-16", String.valueOf(found.getFileName()));
  }

  @Test
  void compilesABpfProgramWithBtf() throws IOException {
    Tools.require("clang-16");
    Path include = dir.resolve("include");
    VmlinuxHeader.write(Tools.kernel("6.1.0-50-amd64"), include);
    Path src = Files.writeString(dir.resolve("pass.bpf.c"), XDP_PASS);
    Path obj = dir.resolve("obj/pass.bpf.o");
    Clang clang =
        new Clang(
            Clang.locate(null, System.getenv("PATH")), "x86", List.of(include), List.of(), dir);

    clang.compile(src, obj, w -> {});

    BpfObject o = BpfObject.open(obj);
    assertEquals(ProgramType.XDP, o.program("pass_all").orElseThrow().type());
    assertTrue(o.btf().isPresent(), "-g gives the object its BTF");
  }

  @Test
  void theSameSourceGivesTheSameObjectWhereverTheProjectIs() throws IOException {
    Tools.require("clang-16");
    byte[] first = compileIn(dir.resolve("checkout-one"));
    byte[] second = compileIn(dir.resolve("somewhere/else"));
    assertArrayEquals(first, second);
  }

  private static byte[] compileIn(Path project) throws IOException {
    Path include = project.resolve("target/core4j/include");
    VmlinuxHeader.write(Tools.kernel("6.1.0-50-amd64"), include);
    Path src = project.resolve("src/main/bpf/pass.bpf.c");
    Files.createDirectories(src.getParent());
    Files.writeString(src, XDP_PASS);
    Path obj = project.resolve("target/core4j/obj/pass.bpf.o");
    new Clang(
            Clang.locate(null, System.getenv("PATH")), "x86", List.of(include), List.of(), project)
        .compile(src, obj, w -> {});
    return Files.readAllBytes(obj);
  }

  @Test
  void aCompileErrorCarriesClangsDiagnostics() throws IOException {
    Tools.require("clang-16");
    Path src = Files.writeString(dir.resolve("bad.bpf.c"), "int f(void) { return undeclared; }\n");
    Clang clang =
        new Clang(Clang.locate(null, System.getenv("PATH")), "x86", List.of(), List.of(), dir);

    BuildException e =
        assertThrows(
            BuildException.class, () -> clang.compile(src, dir.resolve("bad.bpf.o"), w -> {}));

    assertTrue(e.getMessage().startsWith(src + ": clang failed (exit 1):\n"), e.getMessage());
    assertTrue(
        e.getMessage().contains("use of undeclared identifier 'undeclared'"), e.getMessage());
  }
}
