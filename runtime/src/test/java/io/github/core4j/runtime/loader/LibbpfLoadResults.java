package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * libbpf's load results for a testdata object on the running kernel, taken live: {@code
 * testdata/bpf/oracle/objinfo --load-each}, built here against the machine's libbpf, exactly as
 * {@code testdata/bpf/build.sh} records {@code expected/<name>.load.txt}. Live, because the
 * committed files hold one kernel's answers (its release string differs on every machine of the
 * same kind), and a comparison that only runs on that one kernel proves nothing elsewhere.
 */
final class LibbpfLoadResults {
  private LibbpfLoadResults() {}

  private static final Map<String, TestObjects.LoadResults> RESULTS = new ConcurrentHashMap<>();
  private static Path oracle;

  /** libbpf's results for {@code testdata/bpf/out/<name>.bpfel.o}, once per test run. */
  static TestObjects.LoadResults of(String name) {
    TestObjects.LoadResults known = RESULTS.get(name);
    if (known != null) {
      return known;
    }
    Path objinfo = oracle();
    String output;
    try (PinRoot pins = PinRoot.create()) {
      output =
          Kernel.run(
              objinfo.toString(),
              "--load-each",
              "--pin-root",
              pins.path().toString(),
              TestObjects.object(name).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestObjects.LoadResults results = TestObjects.LoadResults.parse(List.of(output.split("\n")));
    RESULTS.put(name, results);
    return results;
  }

  private static synchronized Path oracle() {
    if (oracle != null) {
      return oracle;
    }
    Kernel.requireTool("cc");
    if (!Files.exists(Path.of("/usr/include/bpf/libbpf.h"))) {
      Kernel.unmet("libbpf-dev is not installed (/usr/include/bpf/libbpf.h)");
    }
    try {
      Path dir = Files.createTempDirectory("core4j-objinfo-");
      dir.toFile().deleteOnExit();
      Path binary = dir.resolve("objinfo");
      Path source = TestObjects.testdata().resolve("bpf/oracle/objinfo.c");
      Kernel.run("cc", "-O2", "-o", binary.toString(), source.toString(), "-lbpf");
      binary.toFile().deleteOnExit();
      oracle = binary;
      return binary;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
