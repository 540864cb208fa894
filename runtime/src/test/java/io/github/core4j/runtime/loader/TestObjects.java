package io.github.core4j.runtime.loader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The testdata BPF objects and libbpf's load results for them on the running kernel. */
final class TestObjects {
  private TestObjects() {}

  static Path testdata() {
    String prop = System.getProperty("core4j.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/bpf"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  /** {@code testdata/bpf/out/<name>.bpfel.o}. */
  static Path object(String name) {
    return testdata().resolve("bpf/out/" + name + ".bpfel.o");
  }

  /** The objects build.sh records load results for ({@code expected/<name>.load.txt}). */
  static Stream<String> withLoadResults() {
    try (Stream<Path> files = Files.list(testdata().resolve("bpf/expected"))) {
      List<String> names = new ArrayList<>();
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".load.txt"))
          .sorted()
          .forEach(n -> names.add(n.substring(0, n.length() - ".load.txt".length())));
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * libbpf's load results: what {@code objinfo --load-each} prints, as in {@code
   * expected/<name>.load.txt} (where {@code # } lines are comments).
   *
   * @param wholeObject "OK" or the errno name of the whole-object load
   * @param programs per program, in object order: "OK" or the errno name
   */
  record LoadResults(String wholeObject, Map<String, String> programs) {
    static LoadResults parse(List<String> lines) {
      String whole = "";
      Map<String, String> programs = new LinkedHashMap<>();
      for (String line : lines) {
        if (line.startsWith("# whole object: ")) {
          String r = line.substring("# whole object: ".length());
          whole = r.startsWith("FAIL ") ? r.substring(5) : r;
        } else if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split(" ");
          programs.put(f[0], f[1].equals("FAIL") ? f[2] : f[1]);
        }
      }
      if (whole.isEmpty() || programs.isEmpty()) {
        throw new IllegalStateException("not objinfo --load-each output: " + lines);
      }
      return new LoadResults(whole, programs);
    }

    /** The first program (in object order) libbpf could not load, or null. */
    String firstFailure() {
      for (Map.Entry<String, String> e : programs.entrySet()) {
        if (!e.getValue().equals("OK")) {
          return e.getKey();
        }
      }
      return null;
    }
  }

  /**
   * libbpf's results for {@code name} on the running kernel (taken live, see {@link
   * LibbpfLoadResults}).
   */
  static LoadResults loadResults(String name) {
    return LibbpfLoadResults.of(name);
  }
}
