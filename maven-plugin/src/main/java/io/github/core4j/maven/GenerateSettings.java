package io.github.core4j.maven;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code generate} goal is configured with, resolved to paths.
 *
 * @param projectDirectory the project's base directory, where clang runs
 * @param bpfDirectory where {@code *.bpf.c} and prebuilt {@code *.bpf.o} are found
 * @param workDirectory the plugin's own directory ({@code target/core4j}): objects, {@code
 *     vmlinux.h}, the stamp
 * @param sourceDirectory where skeleton sources go (a compile source root)
 * @param resourceDirectory where the objects the skeletons load go (a resource root)
 * @param packageName the skeletons' Java package
 * @param clang the configured clang (a name or path), or null for the default search
 * @param clangFlags extra flags after the fixed ones
 * @param btf the kernel BTF {@code vmlinux.h} is dumped from
 * @param arch libbpf's architecture name for {@code __TARGET_ARCH_xxx}
 * @param pluginVersion the plugin's version (part of the incremental stamp)
 * @param pathVariable the {@code PATH} clang is searched on
 */
public record GenerateSettings(
    Path projectDirectory,
    Path bpfDirectory,
    Path workDirectory,
    Path sourceDirectory,
    Path resourceDirectory,
    String packageName,
    @Nullable String clang,
    List<String> clangFlags,
    Path btf,
    String arch,
    String pluginVersion,
    String pathVariable) {

  /** Copies the flags so the record stays immutable. */
  public GenerateSettings {
    clangFlags = List.copyOf(clangFlags);
  }

  /** Where compiled objects go: {@code target/core4j/obj}. */
  public Path objectDirectory() {
    return workDirectory.resolve("obj");
  }

  /** Where the generated {@code vmlinux.h} goes: {@code target/core4j/include}. */
  public Path includeDirectory() {
    return workDirectory.resolve("include");
  }

  /** The incremental stamp: {@code target/core4j/generate.stamp}. */
  public Path stampFile() {
    return workDirectory.resolve("generate.stamp");
  }
}
