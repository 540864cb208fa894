package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Test data and tools: a test that needs a tool calls {@link #require}, which skips it on a
 * developer machine without the tool and fails it under CI ({@code CI=true}), where {@code .ci/run}
 * installs it.
 */
final class Tools {
  private Tools() {}

  /** The repository's {@code testdata} directory. */
  static Path testdata() {
    return Path.of(System.getProperty("core4j.testdata", "../testdata"));
  }

  /** The kernel BTFs of the testdata. */
  static Path kernel(String name) {
    return testdata().resolve("btf/kernels").resolve(name + ".btf.xz");
  }

  /** A compiled testdata object, little-endian. */
  static Path object(String name) {
    return testdata().resolve("bpf/out").resolve(name + ".bpfel.o");
  }

  /** Skips (locally) or fails (in CI) unless {@code tool} is on the PATH. */
  static void require(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    String message = tool + " is not installed";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (required in CI: .ci/run installs it)");
    }
    Assumptions.abort(message);
  }
}
