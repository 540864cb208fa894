package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input: the objects with CO-RE relocations. libbpf's answer: its relocation log while loading the
 * object against a kernel's BTF ({@code expected/<name>.core.<kernel>.txt}): for each program
 * (entry programs and {@code .text} functions) and each record, {@code relo #N} with the record's
 * kind and local type id, and the instruction it patched, counted from the program's start. Our
 * answer: the {@link ProgramCoreRelo}s the model hands each program. Expected: the same records,
 * numbered and placed the same way, and no record the log lacks.
 */
class CoreRelosMatchLibbpfLogTest {
  static final String[] KINDS = {
    "byte_off",
    "byte_sz",
    "field_exists",
    "signed",
    "lshift_u64",
    "rshift_u64",
    "local_type_id",
    "target_type_id",
    "type_exists",
    "type_size",
    "enumval_exists",
    "enumval_value",
    "type_matches"
  };

  private static final Pattern SPEC =
      Pattern.compile("prog '([^']+)': relo #(\\d+): <(\\w+)> \\[(\\d+)\\].*");
  private static final Pattern PATCH =
      Pattern.compile("prog '([^']+)': relo #(\\d+): (?:patched|substituting) insn #(\\d+).*");

  static Stream<Path> logs() throws IOException {
    try (Stream<Path> s = Files.list(BpfTestdata.dir().resolve("expected"))) {
      return s
          .filter(p -> p.getFileName().toString().contains(".core."))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("logs")
  void recordsAreNumberedAndPlacedAsInLibbpfsLog(Path log) throws IOException {
    String name = log.getFileName().toString();
    Path object =
        BpfTestdata.dir()
            .resolve("out")
            .resolve(name.substring(0, name.indexOf(".core.")) + ".bpfel.o");
    Map<String, String> theirs = new TreeMap<>();
    Map<String, Integer> patched = new TreeMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher s = SPEC.matcher(line);
      Matcher p = PATCH.matcher(line);
      if (s.matches()) {
        theirs.put(s.group(1) + " #" + s.group(2), s.group(3) + " [" + s.group(4) + "]");
      } else if (p.matches()) {
        patched.merge(p.group(1) + " #" + p.group(2), Integer.parseInt(p.group(3)), Math::min);
      }
    }
    for (Map.Entry<String, Integer> e : patched.entrySet()) {
      theirs.computeIfPresent(e.getKey(), (k, v) -> v + " insn " + e.getValue());
    }
    BpfObject obj = BpfObject.open(object);
    Map<String, String> ours = new TreeMap<>();
    List<Program> all = new ArrayList<>(obj.programs());
    all.addAll(obj.subprograms());
    for (Program p : all) {
      for (ProgramCoreRelo c : p.coreRelos()) {
        String key = p.name() + " #" + c.index();
        String value = KINDS[c.relo().kind()] + " [" + c.relo().typeId() + "]";
        ours.put(key, patched.containsKey(key) ? value + " insn " + c.insnIndex() : value);
      }
    }
    assertFalse(theirs.isEmpty());
    assertEquals(theirs, ours);
  }
}
