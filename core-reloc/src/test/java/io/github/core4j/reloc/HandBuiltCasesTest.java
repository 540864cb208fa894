package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.ext.CoreRelo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-built groups of {@link HandBuilt}: the files under {@code testdata/reloc/handmade} are
 * what the catalog builds, and core4j decides every relocation as libbpf's own engine did on them
 * ({@code answers.txt}, from {@code oracle/relo_calc}). Run with {@code -Dcore4j.regenerate=true}
 * to rewrite the BTF and case files (then {@code generate.sh} asks libbpf again).
 */
class HandBuiltCasesTest {
  static List<HandBuilt.Group> groups() {
    return HandBuilt.groups();
  }

  static Path dir(HandBuilt.Group g) {
    return Testdata.reloc().resolve("handmade").resolve(g.name());
  }

  static String casesTsv(HandBuilt.Group g) {
    StringBuilder b = new StringBuilder("# label\ttype_id\tkind\taccess\twhat\n");
    for (HandBuilt.Case c : g.cases()) {
      b.append(c.label())
          .append('\t')
          .append(c.typeId())
          .append('\t')
          .append(c.kind())
          .append("\tstr:")
          .append(c.access())
          .append('\n');
    }
    return b.toString();
  }

  static Map<String, byte[]> files(HandBuilt.Group g) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("local.btf", g.local());
    files.put("vmlinux.btf", g.vmlinux());
    StringBuilder mods = new StringBuilder();
    for (Map.Entry<String, byte[]> e : g.modules().entrySet()) {
      files.put(e.getKey() + ".btf", e.getValue());
      mods.append(e.getKey()).append('\t').append(e.getKey()).append(".btf\n");
    }
    files.put("modules.tsv", mods.toString().getBytes(StandardCharsets.UTF_8));
    files.put("cases.tsv", casesTsv(g).getBytes(StandardCharsets.UTF_8));
    return files;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  void committedFilesAreWhatTheCatalogBuilds(HandBuilt.Group g) throws IOException {
    Path dir = dir(g);
    boolean regenerate = Boolean.getBoolean("core4j.regenerate");
    if (regenerate) {
      Files.createDirectories(dir);
    }
    for (Map.Entry<String, byte[]> f : files(g).entrySet()) {
      Path p = dir.resolve(f.getKey());
      if (regenerate) {
        Files.write(p, f.getValue());
      } else {
        assertArrayEquals(
            f.getValue(),
            Files.readAllBytes(p),
            p + " differs from the catalog: run generate.sh to regenerate testdata/reloc");
      }
    }
  }

  /** Relocates every case of {@code g} in order with one relocator. */
  static Map<String, RelocationResult> relocate(HandBuilt.Group g) {
    Relocator r = new Relocator(g.localBtf(), g.targets());
    Map<String, RelocationResult> out = new LinkedHashMap<>();
    int i = 0;
    for (HandBuilt.Case c : g.cases()) {
      out.put(c.label(), r.relocate(new CoreRelo(8 * i++, c.typeId(), c.access(), c.kind())));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groups")
  void sameDecisionsAsLibbpf(HandBuilt.Group g) {
    Map<String, CalcAnswer> answers = CalcAnswer.read(dir(g).resolve("answers.txt"));
    Map<String, RelocationResult> ours = relocate(g);
    assertEquals(ours.keySet(), answers.keySet(), "libbpf answered every case");
    List<String> problems = new ArrayList<>();
    for (HandBuilt.Case c : g.cases()) {
      for (String d :
          KnownDifferences.filter(c, answers.get(c.label()).differences(ours.get(c.label())))) {
        problems.add(c.label() + " (" + c.what() + "): " + d);
      }
    }
    assertTrue(problems.isEmpty(), () -> g.name() + ":\n  " + String.join("\n  ", problems));
  }
}
