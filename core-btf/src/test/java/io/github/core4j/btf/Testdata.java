package io.github.core4j.btf;

import io.github.core4j.btf.source.BtfFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Access to the repository's {@code testdata/} directory and its BTF manifest. */
public final class Testdata {
  private Testdata() {}

  /** The testdata directory: {@code -Dcore4j.testdata}, else found upwards from the working dir. */
  public static Path root() {
    String prop = System.getProperty("core4j.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/btf"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  /** One BTF of the manifest: the file, its base (or null) and bpftool's dump of it. */
  public record BtfCase(String file, String base, String expected) {
    public Path path() {
      return root().resolve("btf").resolve(file);
    }

    public Btf parse() {
      Btf baseBtf = base == null ? null : BtfFiles.read(root().resolve("btf").resolve(base));
      return BtfFiles.read(path(), baseBtf);
    }

    public String expectedDump() {
      return new String(
          BtfFiles.readBytes(root().resolve("btf").resolve(expected)), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return base == null ? file : file + " on " + base;
    }
  }

  /** Every BTF listed in {@code testdata/btf/manifest.tsv}, with bpftool's raw dump. */
  public static List<BtfCase> btfCases() {
    return manifest("btf/manifest.tsv");
  }

  /**
   * Every BTF listed in {@code testdata/btf/manifest-c.tsv}, with bpftool's C header ({@code format
   * c}) as the expected dump.
   */
  public static List<BtfCase> cHeaderCases() {
    return manifest("btf/manifest-c.tsv");
  }

  private static List<BtfCase> manifest(String path) {
    try {
      List<BtfCase> cases = new ArrayList<>();
      for (String line : Files.readAllLines(root().resolve(path))) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        cases.add(new BtfCase(f[0], f[1].equals("-") ? null : f[1], f[2]));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
