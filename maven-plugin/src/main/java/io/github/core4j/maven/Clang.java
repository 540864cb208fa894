package io.github.core4j.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The clang that compiles {@code *.bpf.c} into BPF objects: {@code -O2 -g -target bpf
 * -D__TARGET_ARCH_<arch> -fdebug-compilation-dir=. -I<include dir>}, then the user's extra flags.
 * {@code -g} is what gives the object its BTF, which CO-RE and the skeleton need.
 *
 * @param executable the clang binary
 * @param arch libbpf's architecture name ({@link TargetArch})
 * @param includeDirs directories searched for headers, before the system ones
 * @param extraFlags the user's flags, after the fixed ones (so they can override them)
 * @param workingDirectory where clang runs (the project's directory): the user's relative {@code
 *     -I} paths are relative to it, and paths below it are passed relative, so the object's line
 *     info names {@code src/main/bpf/x.bpf.c} wherever the project is checked out
 */
public record Clang(
    Path executable,
    String arch,
    List<Path> includeDirs,
    List<String> extraFlags,
    Path workingDirectory) {
  /** The executables tried, in order, when none is configured. */
  public static final List<String> DEFAULT_EXECUTABLES = List.of("clang-16", "clang");

  private static final long TIMEOUT_MINUTES = 10;

  /** Copies the lists so the record stays immutable. */
  public Clang {
    includeDirs = List.copyOf(includeDirs);
    extraFlags = List.copyOf(extraFlags);
  }

  /**
   * Finds clang: {@code configured} when given (a path, or a name looked up on {@code PATH}), else
   * the first of {@link #DEFAULT_EXECUTABLES} on {@code PATH}.
   *
   * @throws BuildException naming what was tried and how to fix it
   */
  public static Path locate(@Nullable String configured, String pathVariable) {
    if (configured != null && !configured.isBlank()) {
      if (configured.contains(File.separator)) {
        Path p = Path.of(configured);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return p;
        }
        throw new BuildException(
            "clang '"
                + configured
                + "' is not an executable file: fix <clang> in the core4j plugin");
      }
      Path found = onPath(configured, pathVariable);
      if (found == null) {
        throw new BuildException(
            "clang '" + configured + "' is not on the PATH: install it or fix <clang>");
      }
      return found;
    }
    for (String name : DEFAULT_EXECUTABLES) {
      Path found = onPath(name, pathVariable);
      if (found != null) {
        return found;
      }
    }
    throw new BuildException(
        "no clang found on the PATH (tried "
            + String.join(", ", DEFAULT_EXECUTABLES)
            + ") to compile src/main/bpf/*.bpf.c: install clang (apt-get install clang-16) or set"
            + " <clang> to its path");
  }

  private static @Nullable Path onPath(String name, String pathVariable) {
    for (String dir : pathVariable.split(File.pathSeparator, -1)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The command line that compiles {@code source} into {@code object}. */
  public List<String> command(Path source, Path object) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    cmd.add("-O2");
    cmd.add("-g");
    cmd.add("-target");
    cmd.add("bpf");
    cmd.add(TargetArch.define(arch));
    cmd.add("-fdebug-compilation-dir=.");
    for (Path dir : includeDirs) {
      cmd.add("-I" + relative(dir));
    }
    cmd.addAll(extraFlags);
    cmd.add("-c");
    cmd.add(relative(source));
    cmd.add("-o");
    cmd.add(relative(object));
    return cmd;
  }

  /** {@code path} relative to the working directory when it lies below it, else as given. */
  private String relative(Path path) {
    Path base = workingDirectory.toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(base) && !p.equals(base) ? base.relativize(p).toString() : path.toString();
  }

  /**
   * Compiles {@code source} into {@code object}; clang's warnings go to {@code warnings}.
   *
   * @throws BuildException with clang's diagnostics when it fails
   */
  public void compile(Path source, Path object, Consumer<String> warnings) {
    List<String> cmd = command(source, object);
    try {
      Files.createDirectories(object.toAbsolutePath().getParent());
      Files.deleteIfExists(object);
      Process p =
          new ProcessBuilder(cmd)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String output = read(p.getInputStream()).strip();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new BuildException(source + ": clang did not finish in " + TIMEOUT_MINUTES + " min");
      }
      if (p.exitValue() != 0) {
        throw new BuildException(
            source
                + ": clang failed (exit "
                + p.exitValue()
                + ")"
                + (output.isEmpty() ? "" : ":\n" + output)
                + "\n  command: "
                + String.join(" ", cmd));
      }
      if (!output.isEmpty()) {
        warnings.accept(output);
      }
    } catch (IOException e) {
      throw new BuildException(executable + ": cannot run clang: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while compiling " + source, e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
