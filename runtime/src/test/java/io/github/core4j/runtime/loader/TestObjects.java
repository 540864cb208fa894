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

/** The testdata BPF objects and libbpf's load results for them on this machine's kernel. */
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

  /** The names of every object libbpf's load results exist for. */
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
   * libbpf's results ({@code expected/<name>.load.txt}).
   *
   * @param wholeObject "OK" or the errno name of the whole-object load
   * @param programs per program: "OK" or the errno name
   */
  record LoadResults(String kernel, String wholeObject, Map<String, String> programs) {
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

  static LoadResults loadResults(String name) {
    try {
      String kernel = "";
      String whole = "";
      Map<String, String> programs = new LinkedHashMap<>();
      for (String line :
          Files.readAllLines(testdata().resolve("bpf/expected/" + name + ".load.txt"))) {
        if (line.startsWith("# kernel ")) {
          kernel = line.substring("# kernel ".length(), line.indexOf(','));
        } else if (line.startsWith("# whole object: ")) {
          String r = line.substring("# whole object: ".length());
          whole = r.startsWith("FAIL ") ? r.substring(5) : r;
        } else if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split(" ");
          programs.put(f[0], f[1].equals("FAIL") ? f[2] : f[1]);
        }
      }
      return new LoadResults(kernel, whole, programs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
