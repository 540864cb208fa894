package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import io.github.core4j.skeleton.GeneratedSkeleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generate goal's work on a project directory: what is compiled, generated and skipped. The
 * skeleton generator is stood in for by one that records the objects it is given (the generator has
 * tests of its own); the integration tests (src/it) run the real one.
 */
class SkeletonBuildTest {
  @TempDir Path project;
  private final List<String> generated = new ArrayList<>();

  private GenerateSettings settings(List<String> flags) {
    return new GenerateSettings(
        project,
        project.resolve("src/main/bpf"),
        project.resolve("target/core4j"),
        project.resolve("target/generated-sources/core4j"),
        project.resolve("target/generated-resources/core4j"),
        "com.example.bpf",
        null,
        flags,
        Tools.kernel("6.1.0-50-amd64"),
        "x86",
        "1.0",
        System.getenv().getOrDefault("PATH", ""));
  }

  private SkeletonBuild.Result build(GenerateSettings settings) {
    SkeletonBuild.Generator fake =
        (object, bytes, pkg) -> {
          String name = object.name().equals("xdp_filter") ? "XdpFilter" : "Pass";
          generated.add(object.name());
          return new GeneratedSkeleton(
              pkg, name, "package " + pkg + "; class " + name + " {}", bytes);
        };
    return new SkeletonBuild(settings, fake, s -> {}, s -> {}).run();
  }

  private Path write(String relative, String content) throws IOException {
    Path p = project.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  private void prebuilt() throws IOException {
    Path p = project.resolve("src/main/bpf/xdp_filter.bpf.o");
    Files.createDirectories(p.getParent());
    Files.copy(Tools.object("xdp_filter"), p);
  }

  @Test
  void aPrebuiltObjectNeedsNoClangAndLandsBesideItsSkeleton() throws IOException {
    prebuilt();
    GenerateSettings s =
        new GenerateSettings(
            project,
            project.resolve("src/main/bpf"),
            project.resolve("target/core4j"),
            project.resolve("target/generated-sources/core4j"),
            project.resolve("target/generated-resources/core4j"),
            "com.example.bpf",
            "/no/such/clang",
            List.of(),
            project.resolve("no-btf"),
            "x86",
            "1.0",
            "");

    SkeletonBuild.Result r = build(s);

    assertEquals(List.of("xdp_filter"), generated);
    Path source = project.resolve("target/generated-sources/core4j/com/example/bpf/XdpFilter.java");
    assertEquals(List.of(source), r.sources());
    assertArrayEquals(
        Files.readAllBytes(Tools.object("xdp_filter")),
        Files.readAllBytes(
            project.resolve("target/generated-resources/core4j/com/example/bpf/XdpFilter.bpf.o")));
  }

  @Test
  void cSourcesAreCompiledAgainstTheGeneratedVmlinuxHeader() throws IOException {
    Tools.require("clang-16");
    write("src/main/bpf/pass.bpf.c", ClangTest.XDP_PASS);

    SkeletonBuild.Result r = build(settings(List.of()));

    assertEquals(List.of(project.resolve("target/core4j/obj/pass.bpf.o")), r.objects());
    assertTrue(Files.isRegularFile(project.resolve("target/core4j/include/vmlinux.h")));
    assertEquals(List.of("pass"), generated);
    Program pass = BpfObject.open(r.objects().get(0)).program("pass_all").orElseThrow();
    assertEquals(
        "./src/main/bpf/pass.bpf.c",
        pass.lineInfo().get(0).fileName(),
        "line info names the source relative to the project, wherever it is checked out");
  }

  @Test
  void anUnchangedProjectIsNotBuiltAgain() throws IOException {
    Tools.require("clang-16");
    write("src/main/bpf/pass.bpf.c", ClangTest.XDP_PASS);
    build(settings(List.of()));
    Path object = project.resolve("target/core4j/obj/pass.bpf.o");
    Files.writeString(object, "marker: not compiled again");

    SkeletonBuild.Result again = build(settings(List.of()));

    assertTrue(again.upToDate());
    assertEquals(List.of("pass"), generated);
    assertEquals("marker: not compiled again", Files.readString(object));
  }

  @Test
  void aChangedHeaderFlagOrSourceBuildsAgain() throws IOException {
    Tools.require("clang-16");
    write("src/main/bpf/pass.bpf.c", ClangTest.XDP_PASS);
    build(settings(List.of()));

    write("src/main/bpf/common.h", "#define X 1\n");
    assertFalse(build(settings(List.of())).upToDate(), "a new header");
    assertFalse(build(settings(List.of("-Wall"))).upToDate(), "other flags");
    write("src/main/bpf/pass.bpf.c", ClangTest.XDP_PASS + "\n");
    assertFalse(build(settings(List.of("-Wall"))).upToDate(), "an edited source");
    assertTrue(build(settings(List.of("-Wall"))).upToDate());
  }

  @Test
  void aDeletedSourceTakesItsSkeletonAlong() throws IOException {
    Tools.require("clang-16");
    prebuilt();
    Path c = write("src/main/bpf/pass.bpf.c", ClangTest.XDP_PASS);
    build(settings(List.of()));
    Path pass = project.resolve("target/generated-sources/core4j/com/example/bpf/Pass.java");
    assertTrue(Files.exists(pass));

    Files.delete(c);
    build(settings(List.of()));

    assertFalse(Files.exists(pass));
    assertTrue(
        Files.exists(
            project.resolve("target/generated-sources/core4j/com/example/bpf/XdpFilter.java")));
  }

  @Test
  void aCompileErrorNamesTheSourceAndShowsClangsMessage() throws IOException {
    Tools.require("clang-16");
    Path c = write("src/main/bpf/bad.bpf.c", "int f(void) { return nope; }\n");

    BuildException e = assertThrows(BuildException.class, () -> build(settings(List.of())));

    assertTrue(e.getMessage().startsWith(c + ": clang failed"), e.getMessage());
    assertTrue(e.getMessage().contains("undeclared identifier 'nope'"), e.getMessage());
  }

  @Test
  void anEmptyBpfDirectoryIsAConfigurationError() {
    BuildException e = assertThrows(BuildException.class, () -> build(settings(List.of())));
    assertEquals(
        "no BPF programs in "
            + project.resolve("src/main/bpf")
            + ": add *.bpf.c sources or prebuilt *.bpf.o objects there (or set <bpfDirectory>)",
        e.getMessage());
  }

  @Test
  void aBadPackageNameIsAConfigurationError() throws IOException {
    prebuilt();
    GenerateSettings good = settings(List.of());
    GenerateSettings bad =
        new GenerateSettings(
            good.projectDirectory(),
            good.bpfDirectory(),
            good.workDirectory(),
            good.sourceDirectory(),
            good.resourceDirectory(),
            "com.example.class",
            null,
            List.of(),
            good.btf(),
            "x86",
            "1.0",
            "");
    BuildException e = assertThrows(BuildException.class, () -> build(bad));
    assertEquals(
        "<packageName> 'com.example.class' is not a Java package name ('class' is not an"
            + " identifier)",
        e.getMessage());
  }

  @Test
  void aMissingClangIsAConfigurationErrorWhenThereIsCToCompile() throws IOException {
    write("src/main/bpf/pass.bpf.c", ClangTest.XDP_PASS);
    GenerateSettings good = settings(List.of());
    GenerateSettings noClang =
        new GenerateSettings(
            good.projectDirectory(),
            good.bpfDirectory(),
            good.workDirectory(),
            good.sourceDirectory(),
            good.resourceDirectory(),
            good.packageName(),
            null,
            List.of(),
            good.btf(),
            "x86",
            "1.0",
            project.toString());
    BuildException e = assertThrows(BuildException.class, () -> build(noClang));
    assertTrue(e.getMessage().startsWith("no clang found on the PATH"), e.getMessage());
  }
}
