package io.github.core4j.runtime.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The running kernel's build configuration ({@code CONFIG_NAME=value} lines), read where libbpf
 * reads it: {@code /boot/config-$(uname -r)}, else {@code /proc/config.gz}; either may be
 * compressed with gzip.
 */
final class KernelConfig {
  private KernelConfig() {}

  /** The files libbpf tries, in its order, for kernel {@code release}. */
  static List<Path> candidates(String release) {
    return List.of(Path.of("/boot/config-" + release), Path.of("/proc/config.gz"));
  }

  /** The first readable configuration among {@code candidates}, or empty when none is. */
  static Optional<Map<String, String>> read(List<Path> candidates) {
    for (Path p : candidates) {
      if (Files.isReadable(p)) {
        return Optional.of(parse(p));
      }
    }
    return Optional.empty();
  }

  /** The {@code CONFIG_*} assignments of one file, in file order (values as written). */
  static Map<String, String> parse(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gunzipIfNeeded(raw);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int eq = line.indexOf('=');
        if (line.startsWith("CONFIG_") && eq > 0) {
          values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).strip());
        }
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read kernel config: " + e.getMessage(), e);
    }
  }

  private static InputStream gunzipIfNeeded(InputStream raw) throws IOException {
    InputStream in = new java.io.BufferedInputStream(raw);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
  }
}
