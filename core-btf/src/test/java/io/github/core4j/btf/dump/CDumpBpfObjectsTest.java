package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.Testdata;
import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BTF of every compiled BPF object of {@code testdata/bpf/out} (both byte orders: maps,
 * globals, ksyms, struct_ops, CO-RE local types): our C header of its {@code .BTF} section is what
 * {@code bpftool btf dump file OBJ format c}, run now, prints for the object.
 */
class CDumpBpfObjectsTest {
  static Stream<String> objects() throws IOException {
    try (Stream<Path> files = Files.list(Testdata.root().resolve("bpf/out"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".o"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void objectBtfHeaderEqualsBpftool(String object) throws IOException {
    Oracle.require("bpftool");
    Oracle.require("llvm-objcopy-16");
    Path obj = Testdata.root().resolve("bpf/out").resolve(object);
    Path dir = Files.createTempDirectory("core4j-cdump-obj");
    Path copy = dir.resolve(object);
    Path section = dir.resolve("btf");
    try {
      Files.copy(obj, copy);
      Oracle.run(List.of("llvm-objcopy-16", "--dump-section", ".BTF=" + section, copy.toString()));
      String expected =
          new String(
              Oracle.run(List.of("bpftool", "btf", "dump", "file", obj.toString(), "format", "c")),
              StandardCharsets.UTF_8);
      Btf btf = Btf.parse(Files.readAllBytes(section), object);
      HeaderDiff.assertSameHeader(expected, CDump.toString(btf, CDumpOptions.BPFTOOL), object);
    } finally {
      Files.deleteIfExists(copy);
      Files.deleteIfExists(section);
      Files.deleteIfExists(dir);
    }
  }
}
