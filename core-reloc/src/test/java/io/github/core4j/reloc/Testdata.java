package io.github.core4j.reloc;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ext.BtfExt;
import io.github.core4j.btf.source.BtfFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The repository's {@code testdata/}: relocation test objects, kernels and libbpf's answers. */
final class Testdata {
  private static final Map<Path, TargetBtf> KERNELS = new ConcurrentHashMap<>();

  private Testdata() {}

  /** The testdata directory: {@code -Dcore4j.testdata}, else found upwards from the working dir. */
  static Path root() {
    String prop = System.getProperty("core4j.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/reloc"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  static Path reloc() {
    return root().resolve("reloc");
  }

  /** A kernel BTF under {@code testdata/}, parsed once per test run. */
  static TargetBtf kernel(String relativePath) {
    return KERNELS.computeIfAbsent(
        root().resolve(relativePath), p -> TargetBtf.of("vmlinux", BtfFiles.read(p)));
  }

  /** A compiled test object's BTF and .BTF.ext ({@code arch} is bpfel or bpfeb). */
  record TestObject(String name, String arch, Btf btf, BtfExt ext) {
    static TestObject load(String name, String arch) {
      Path obj = reloc().resolve("obj");
      Btf btf = BtfFiles.read(obj.resolve(name + "." + arch + ".btf.xz"));
      Path extPath = obj.resolve(name + "." + arch + ".btf.ext");
      try {
        return new TestObject(
            name, arch, btf, BtfExt.parse(Files.readAllBytes(extPath), btf, extPath.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One line of {@code testdata/reloc/manifest.tsv}: an object, a kernel, libbpf's answers. */
  record OracleCase(String object, String kernel, String expected) {
    String kernelName() {
      String f = Path.of(kernel).getFileName().toString();
      return f.substring(0, f.length() - ".btf.xz".length());
    }

    @Override
    public String toString() {
      return object + " on " + kernelName();
    }
  }

  static List<OracleCase> oracleCases() {
    try {
      List<OracleCase> cases = new ArrayList<>();
      for (String line : Files.readAllLines(reloc().resolve("manifest.tsv"))) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        cases.add(new OracleCase(f[0], f[1], f[2]));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
