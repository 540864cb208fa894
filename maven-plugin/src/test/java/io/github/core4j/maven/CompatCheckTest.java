package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatCheckTest {
  @TempDir Path dir;

  @Test
  void anUnguardedMissingFieldFailsItsProgramWithSpecKernelAndSourceLine() throws IOException {
    CompatCheck.Outcome out =
        new CompatCheck(
                List.of(Tools.object("core_missing")),
                List.of(Tools.kernel("6.1.0-50-amd64")),
                dir,
                1)
            .run();

    assertEquals(1, out.failures().size(), out.failures().toString());
    CheckFailure f = out.failures().get(0);
    assertEquals("unguarded_read", f.program());
    assertEquals("core_missing.bpfel.o", f.object());
    assertEquals("6.1.0-50-amd64", f.kernel());
    assertTrue(f.reason().contains("struct task_struct___core4j.core4j_cookie"), f.reason());
    assertEquals(List.of("core_missing.bpf.c:67"), baseNames(f.sourceLines()));
    assertTrue(
        f.describe()
            .startsWith(
                "program unguarded_read (core_missing.bpfel.o) on kernel"
                    + " 6.1.0-50-amd64: relo #"),
        f.describe());
  }

  @Test
  void theReportsAreThoseOfCore4jCheck() throws IOException {
    new CompatCheck(
            List.of(Tools.object("core_missing"), Tools.object("xdp_filter")),
            List.of(Tools.kernel("6.1.0-50-amd64"), Tools.kernel("6.18.44-fc-v669")),
            dir,
            2)
        .run();

    List<String> json = Files.readAllLines(dir.resolve("compat.json"));
    assertEquals(2 * 3, json.size(), json.toString());
    assertTrue(
        json.contains(
            "{\"kernel\": \"6.1.0-50-amd64\", \"object\": \"xdp_filter.bpfel.o\", \"program\":"
                + " \"xdp_filter\", \"ok\": true, \"reason\": null}"),
        json.toString());
    String text = Files.readString(dir.resolve("compat.txt"));
    assertTrue(text.startsWith("KERNEL"), text);
    assertTrue(text.contains("2 kernels × 3 programs: 4 OK, 2 FAIL"), text);
  }

  @Test
  void everyProgramThatLoadsEverywhereGivesNoFailure() {
    CompatCheck.Outcome out =
        new CompatCheck(
                List.of(Tools.object("xdp_filter"), Tools.object("core_reads")),
                List.of(Tools.testdata().resolve("btf/kernels")),
                dir,
                2)
            .run();
    assertTrue(out.failures().stream().allMatch(f -> f.kernel().endsWith(".be")), out.toString());
  }

  @Test
  void noKernelsIsAConfigurationError() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> new CompatCheck(List.of(Tools.object("xdp_filter")), List.of(), dir, 1).run());
    assertEquals(
        "no kernels to check against: list kernel BTF files, directories or archives in"
            + " <kernels>",
        e.getMessage());
  }

  @Test
  void aMissingKernelPathIsNamed() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                new CompatCheck(
                        List.of(Tools.object("xdp_filter")), List.of(dir.resolve("k.btf")), dir, 1)
                    .run());
    assertTrue(e.getMessage().startsWith("<kernels>: "), e.getMessage());
    assertTrue(e.getMessage().contains(dir.resolve("k.btf").toString()), e.getMessage());
  }

  @Test
  void noObjectsIsAConfigurationError() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                new CompatCheck(List.of(), List.of(Tools.kernel("6.1.0-50-amd64")), dir, 1).run());
    assertTrue(e.getMessage().startsWith("no BPF objects to check"), e.getMessage());
  }

  private static List<String> baseNames(List<String> lines) {
    return lines.stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).toList();
  }
}
