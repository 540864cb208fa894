package io.github.core4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code core4j:check}: relocates every BPF object of the build (compiled by {@code generate} and
 * prebuilt in {@code src/main/bpf}) against each configured kernel BTF, writes {@code
 * target/core4j/compat.txt} and {@code compat.json} (the formats of {@code core4j check}), and
 * fails the build when a program would not load on a kernel, naming program, relocation, kernel and
 * C source line.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
  /** Kernel BTFs: files (raw, compressed, vmlinux), directories (BTFHub trees), tar archives. */
  @Parameter private List<File> kernels = new ArrayList<>();

  /** Where prebuilt {@code *.bpf.o} objects are (the {@code generate} goal's directory). */
  @Parameter(defaultValue = "${project.basedir}/src/main/bpf", property = "core4j.bpfDirectory")
  @SuppressWarnings("NullAway.Init")
  private File bpfDirectory;

  /** The plugin's working directory: compiled objects are in {@code obj/}, reports go here. */
  @Parameter(defaultValue = "${project.build.directory}/core4j")
  @SuppressWarnings("NullAway.Init")
  private File workDirectory;

  /** Fail the build when a program would not load on some kernel (else only report it). */
  @Parameter(defaultValue = "true", property = "core4j.failOnError")
  private boolean failOnError;

  /** Kernels checked in parallel; default one per processor. */
  @Parameter(property = "core4j.threads")
  private @Nullable Integer threads;

  /** Skips the goal. */
  @Parameter(defaultValue = "false", property = "core4j.skip")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("core4j:check skipped");
      return;
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new MojoExecutionException("<threads> must be at least 1, not " + n);
    }
    Path work = workDirectory.toPath();
    List<Path> objects = new ArrayList<>(objects(work.resolve("obj")));
    objects.addAll(BpfSources.scan(bpfDirectory.toPath()).prebuilt());
    List<Path> kernelPaths = new ArrayList<>();
    for (File k : kernels) {
      kernelPaths.add(k.toPath());
    }
    CompatCheck.Outcome outcome;
    try {
      outcome = new CompatCheck(objects, kernelPaths, work, n).run();
    } catch (BuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    getLog()
        .info(
            "core4j:check "
                + objects.size()
                + (objects.size() == 1 ? " object" : " objects")
                + " on "
                + outcome.summary().kernels()
                + (outcome.summary().kernels() == 1 ? " kernel: " : " kernels: ")
                + (outcome.summary().cells() - outcome.summary().failed())
                + " OK, "
                + outcome.summary().failed()
                + " FAIL (report: "
                + work.resolve(CompatCheck.TEXT_REPORT)
                + ")");
    if (outcome.failures().isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder()
            .append(outcome.failures().size())
            .append(outcome.failures().size() == 1 ? " program would" : " programs would")
            .append(" not load (CO-RE relocation), see ")
            .append(work.resolve(CompatCheck.TEXT_REPORT))
            .append(':');
    for (CheckFailure f : outcome.failures()) {
      getLog().error(f.describe());
      message.append("\n  ").append(f.describe());
    }
    if (failOnError) {
      throw new MojoFailureException(message.toString());
    }
    getLog().warn("failOnError is false: the build goes on");
  }

  private static List<Path> objects(Path dir) throws MojoExecutionException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> String.valueOf(p.getFileName()).endsWith(BpfSources.OBJECT_SUFFIX))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException(dir + ": " + e.getMessage(), e);
    }
  }
}
