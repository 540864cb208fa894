package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated sources are reviewed like code: a few are kept as golden files in {@code golden/}
 * (compiled with the tests, so the kernel tests use them as an application would) and must match
 * the generator's output exactly. After an intended change, regenerate them with {@code mvn test
 * -Dcore4j.regenerate=true -Dtest=GoldenSkeletonTest} and review the diff.
 */
class GoldenSkeletonTest {
  static final String PACKAGE = "io.github.core4j.skeleton.golden";
  private static final Path SOURCES = Path.of("src/test/java");
  private static final Path RESOURCES = Path.of("src/test/resources");

  @ParameterizedTest
  @ValueSource(strings = {"xdp_filter.bpfel.o", "ringbuf_events.bpfel.o", "globals.bpfel.o"})
  void generatedSkeletonMatchesItsGoldenFile(String object) throws IOException {
    GeneratedSkeleton generated = TestObjects.generate(TestObjects.path(object), PACKAGE);
    Path dir = Path.of(PACKAGE.replace('.', '/'));
    Path source = SOURCES.resolve(dir).resolve(generated.className() + ".java");
    Path resource = RESOURCES.resolve(dir).resolve(generated.resourceName());
    if (Boolean.getBoolean("core4j.regenerate")) {
      generated.writeTo(SOURCES, RESOURCES);
    }
    assertEquals(
        Files.readString(source),
        generated.javaSource(),
        source + " differs from the generator's output: review, then regenerate");
    assertArrayEquals(
        Files.readAllBytes(resource),
        generated.objectBytes(),
        resource + " is not " + object + ": regenerate");
  }
}
