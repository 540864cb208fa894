package io.github.core4j.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * {@code core4j:generate}: compiles {@code src/main/bpf/**}{@code /*.bpf.c} with clang (against a
 * {@code vmlinux.h} core4j dumps from the configured BTF or the running kernel), takes prebuilt
 * {@code *.bpf.o} from the same directory, and generates a typed Java skeleton per object into
 * {@code target/generated-sources/core4j} (a compile source root) with the object beside it in
 * {@code target/generated-resources/core4j} (a resource root, so it is packaged). Skips all work
 * when nothing changed since the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  /** The project the sources and resources are added to. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  @SuppressWarnings("NullAway.Init")
  private MavenProject project;

  /** The Java package of the generated skeletons, such as {@code com.example.bpf}. */
  @Parameter(property = "core4j.packageName")
  private @Nullable String packageName;

  /** Where {@code *.bpf.c} sources, their headers and prebuilt {@code *.bpf.o} objects are. */
  @Parameter(defaultValue = "${project.basedir}/src/main/bpf", property = "core4j.bpfDirectory")
  @SuppressWarnings("NullAway.Init")
  private File bpfDirectory;

  /** The plugin's working directory: compiled objects, {@code vmlinux.h}, the incremental stamp. */
  @Parameter(defaultValue = "${project.build.directory}/core4j")
  @SuppressWarnings("NullAway.Init")
  private File workDirectory;

  /** Where the skeleton sources are generated (added as a compile source root). */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/core4j")
  @SuppressWarnings("NullAway.Init")
  private File sourceDirectory;

  /** Where the objects the skeletons load are put (added as a resource root). */
  @Parameter(defaultValue = "${project.build.directory}/generated-resources/core4j")
  @SuppressWarnings("NullAway.Init")
  private File resourceDirectory;

  /**
   * clang: a name looked up on the PATH or a path; default {@code clang-16}, then {@code clang}.
   */
  @Parameter(property = "core4j.clang")
  private @Nullable String clang;

  /** Extra clang flags, after {@code -O2 -g -target bpf -D__TARGET_ARCH_<arch> -I...}. */
  @Parameter private List<String> clangFlags = new ArrayList<>();

  /** The kernel BTF {@code vmlinux.h} is generated from (raw, compressed or a vmlinux ELF). */
  @Parameter(defaultValue = "/sys/kernel/btf/vmlinux", property = "core4j.btf")
  @SuppressWarnings("NullAway.Init")
  private File btf;

  /** libbpf's architecture for {@code __TARGET_ARCH_xxx}; default from {@code os.arch}. */
  @Parameter(property = "core4j.targetArch")
  private @Nullable String targetArch;

  /** Skips the goal. */
  @Parameter(defaultValue = "false", property = "core4j.skip")
  private boolean skip;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  @SuppressWarnings("NullAway.Init")
  private String pluginVersion;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("core4j:generate skipped");
      return;
    }
    String pkg = packageName;
    if (pkg == null || pkg.isBlank()) {
      throw new MojoExecutionException(
          "core4j:generate needs <packageName> (the Java package of the generated skeletons),"
              + " for example <configuration><packageName>com.example.bpf</packageName>"
              + "</configuration>");
    }
    try {
      String arch = targetArch;
      GenerateSettings settings =
          new GenerateSettings(
              project.getBasedir().toPath(),
              bpfDirectory.toPath(),
              workDirectory.toPath(),
              sourceDirectory.toPath(),
              resourceDirectory.toPath(),
              pkg.strip(),
              clang,
              clangFlags,
              btf.toPath(),
              arch == null || arch.isBlank()
                  ? TargetArch.of(System.getProperty("os.arch", ""))
                  : arch.strip(),
              pluginVersion,
              System.getenv().getOrDefault("PATH", ""));
      new SkeletonBuild(settings, getLog()::info, getLog()::warn).run();
    } catch (BuildException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    project.addCompileSourceRoot(sourceDirectory.getAbsolutePath());
    String resources = resourceDirectory.getAbsolutePath();
    boolean present = false;
    for (Resource r : project.getResources()) {
      present |= resources.equals(r.getDirectory());
    }
    if (!present) {
      Resource resource = new Resource();
      resource.setDirectory(resources);
      project.addResource(resource);
    }
  }
}
