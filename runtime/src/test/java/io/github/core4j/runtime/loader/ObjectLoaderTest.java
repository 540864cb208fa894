package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every testdata object loads through {@link ObjectLoader} exactly when libbpf 1.1 loads it on this
 * kernel (taken live by {@link LibbpfLoadResults}, as build.sh records {@code load.txt}); where
 * libbpf fails the whole object, our error names the same program and errno.
 */
@ExtendWith(NoFdLeaks.class)
class ObjectLoaderTest {
  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  static java.util.stream.Stream<String> objects() {
    return TestObjects.withLoadResults();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void wholeObjectLoadsAsLibbpfDoes(String name) throws Exception {
    TestObjects.LoadResults expected = TestObjects.loadResults(name);
    try (PinRoot pins = PinRoot.create()) {
      OpenObject open = ObjectLoader.open(TestObjects.object(name));
      if (expected.wholeObject().equals("OK")) {
        try (LoadedObject loaded = open.load(LoadOptions.defaults().withPinRoot(pins.path()))) {
          Set<String> autoloaded = new TreeSet<>();
          for (String p : expected.programs().keySet()) {
            if (open.autoload(p)) {
              autoloaded.add(p);
            }
          }
          assertEquals(autoloaded, new TreeSet<>(loaded.programs().keySet()));
        }
      } else {
        BpfException e =
            assertThrows(
                BpfException.class,
                () -> open.load(LoadOptions.defaults().withPinRoot(pins.path())).close());
        assertEquals(expected.wholeObject(), e.errnoName(), e.getMessage());
        String failing = expected.firstFailure();
        if (failing == null) {
          fail("libbpf failed the object without a failing program");
        }
        assertTrue(
            e.getMessage().contains("program '" + failing + "'"),
            "names " + failing + ": " + e.getMessage());
      }
    }
  }

  /**
   * libbpf's per-program results, reproduced the way they were recorded: every program's autoload
   * on ({@code ?} sections too), load; the program the failure names is recorded with its errno and
   * turned off; again until the load succeeds.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void everyProgramLoadsOrFailsAsWithLibbpf(String name) throws Exception {
    TestObjects.LoadResults expected = TestObjects.loadResults(name);
    Map<String, String> results = new LinkedHashMap<>();
    OpenObject open = ObjectLoader.open(TestObjects.object(name));
    for (String p : expected.programs().keySet()) {
      open.autoload(p, true);
    }
    try (PinRoot pins = PinRoot.create()) {
      for (int attempt = 0; attempt <= expected.programs().size(); attempt++) {
        try (LoadedObject loaded = open.load(LoadOptions.defaults().withPinRoot(pins.path()))) {
          for (String p : loaded.programs().keySet()) {
            results.put(p, "OK");
          }
          break;
        } catch (BpfException e) {
          Matcher m = PROGRAM.matcher(e.getMessage());
          if (!m.find()) {
            fail("the error names no program: " + e.getMessage());
          }
          results.put(m.group(1), e.errnoName());
          open.autoload(m.group(1), false);
        }
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String p : expected.programs().keySet()) {
      ordered.put(p, results.getOrDefault(p, "not loaded"));
    }
    assertEquals(expected.programs(), ordered);
  }

  private static final Pattern PROGRAM = Pattern.compile("program '([^']+)'");
}
