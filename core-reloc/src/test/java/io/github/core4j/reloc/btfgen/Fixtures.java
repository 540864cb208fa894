package io.github.core4j.reloc.btfgen;

import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The testdata btfgen is checked on: the 12 little-endian objects of {@code testdata/bpf/out}, the
 * 9 relocation objects of {@code testdata/reloc/obj}, and the little-endian kernels of {@code
 * testdata/btf/kernels} (the host's 6.18, Debian's 6.1 and 6.12).
 */
final class Fixtures {
  /** The host kernel's BTF (a copy of /sys/kernel/btf/vmlinux) and two Debian kernels. */
  static final List<String> KERNELS =
      List.of("6.18.44-fc-v669", "6.1.0-50-amd64", "6.12.117+deb12-cloud-amd64");

  private static final Map<String, TargetBtf> TARGETS = new ConcurrentHashMap<>();
  private static final Map<Path, ObjectBtf> OBJECTS = new ConcurrentHashMap<>();

  private Fixtures() {}

  /** The repository's testdata directory, found upwards from the working directory. */
  static Path testdata() {
    String prop = System.getProperty("core4j.testdata");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("testdata/btfgen"))) {
        return p.resolve("testdata");
      }
    }
    throw new IllegalStateException("testdata directory not found");
  }

  /** A test object: its short name (no arch, no extension) and its file. */
  record TestObject(String name, Path file) {
    ObjectBtf load() {
      return OBJECTS.computeIfAbsent(file, ObjectBtf::read);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** All 21 test objects, {@code testdata/bpf/out} first. */
  static List<TestObject> objects() {
    List<TestObject> out = new ArrayList<>();
    out.addAll(list(testdata().resolve("bpf/out"), ".bpfel.o"));
    out.addAll(list(testdata().resolve("reloc/obj"), ".bpfel.o.xz"));
    return out;
  }

  private static List<TestObject> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .map(
              p -> {
                String f = p.getFileName().toString();
                return new TestObject(f.substring(0, f.length() - suffix.length()), p);
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestObject object(String name) {
    return objects().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  /** The kernel BTF file {@code testdata/btf/kernels/<kernel>.btf.xz}. */
  static Path kernelFile(String kernel) {
    return testdata().resolve("btf/kernels/" + kernel + ".btf.xz");
  }

  /** The kernel's BTF, parsed once per test run. */
  static TargetBtf kernel(String kernel) {
    return TARGETS.computeIfAbsent(
        kernel, k -> TargetBtf.of("vmlinux", BtfFiles.read(kernelFile(k)).validate()));
  }

  static Targets targets(String kernel) {
    return Targets.of(kernel(kernel));
  }

  /** Writes {@code file} decompressed into {@code dir} (for tools that read only plain files). */
  static Path plain(Path file, Path dir) {
    String name = file.getFileName().toString();
    Path out = dir.resolve(name.endsWith(".xz") ? name.substring(0, name.length() - 3) : name);
    try {
      if (!Files.exists(out)) {
        Files.write(out, BtfFiles.readBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
