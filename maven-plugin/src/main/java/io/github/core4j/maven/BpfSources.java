package io.github.core4j.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a project's BPF directory ({@code src/main/bpf}) holds: C programs ({@code **}{@code
 * /*.bpf.c}) to compile, prebuilt objects ({@code **}{@code /*.bpf.o}) to use as they are, and
 * every other file (headers), which the incremental build watches too. Each list is sorted by path
 * so builds are reproducible.
 *
 * @param root the directory
 * @param programs the C sources
 * @param prebuilt the prebuilt objects
 * @param others every other regular file (headers and the like)
 */
public record BpfSources(Path root, List<Path> programs, List<Path> prebuilt, List<Path> others) {
  /** The suffix of C sources the plugin compiles. */
  public static final String C_SUFFIX = ".bpf.c";

  /** The suffix of BPF objects. */
  public static final String OBJECT_SUFFIX = ".bpf.o";

  /** Copies the lists so the record stays immutable. */
  public BpfSources {
    programs = List.copyOf(programs);
    prebuilt = List.copyOf(prebuilt);
    others = List.copyOf(others);
  }

  /** Scans {@code root}; a missing directory holds nothing. */
  public static BpfSources scan(Path root) {
    List<Path> programs = new ArrayList<>();
    List<Path> prebuilt = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(
                p -> {
                  String name = String.valueOf(p.getFileName());
                  if (name.endsWith(C_SUFFIX)) {
                    programs.add(p);
                  } else if (name.endsWith(OBJECT_SUFFIX)) {
                    prebuilt.add(p);
                  } else {
                    others.add(p);
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(root + ": " + e.getMessage(), e);
      }
    }
    return new BpfSources(root, programs, prebuilt, others);
  }

  /** Whether there is neither a C source nor a prebuilt object. */
  public boolean isEmpty() {
    return programs.isEmpty() && prebuilt.isEmpty();
  }

  /**
   * Where the object of C source {@code program} goes under {@code objectDir}: the same relative
   * path, {@code .bpf.c} replaced by {@code .bpf.o}.
   */
  public Path objectFor(Path program, Path objectDir) {
    String relative = root.relativize(program).toString();
    return objectDir.resolve(
        relative.substring(0, relative.length() - C_SUFFIX.length()) + OBJECT_SUFFIX);
  }
}
