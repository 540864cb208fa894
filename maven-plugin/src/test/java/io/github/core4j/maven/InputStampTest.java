package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputStampTest {
  @TempDir Path dir;

  private InputStamp stamp(Path source) {
    return new InputStamp().setting("flags", "-O2").file(source);
  }

  @Test
  void theSameInputsWithOutputsInPlaceAreUpToDate() throws IOException {
    Path src = Files.writeString(dir.resolve("a.bpf.c"), "int x;");
    Path out = Files.writeString(dir.resolve("A.java"), "class A {}");
    Path stampFile = dir.resolve("stamp");
    stamp(src).write(stampFile, List.of(out));

    assertTrue(stamp(src).upToDate(stampFile));
  }

  @Test
  void aChangedSourceIsNotUpToDate() throws IOException {
    Path src = Files.writeString(dir.resolve("a.bpf.c"), "int x;");
    Path stampFile = dir.resolve("stamp");
    stamp(src).write(stampFile, List.of());
    Files.writeString(src, "int y;");

    assertFalse(stamp(src).upToDate(stampFile));
  }

  @Test
  void aChangedSettingIsNotUpToDate() throws IOException {
    Path src = Files.writeString(dir.resolve("a.bpf.c"), "int x;");
    Path stampFile = dir.resolve("stamp");
    stamp(src).write(stampFile, List.of());

    assertFalse(new InputStamp().setting("flags", "-O1").file(src).upToDate(stampFile));
  }

  @Test
  void aDeletedOutputIsNotUpToDate() throws IOException {
    Path src = Files.writeString(dir.resolve("a.bpf.c"), "int x;");
    Path out = Files.writeString(dir.resolve("A.java"), "class A {}");
    Path stampFile = dir.resolve("stamp");
    stamp(src).write(stampFile, List.of(out));
    Files.delete(out);

    assertFalse(stamp(src).upToDate(stampFile));
  }

  @Test
  void settingBoundariesCount() {
    assertNotEquals(
        new InputStamp().setting("a", "bc").hex(), new InputStamp().setting("ab", "c").hex());
  }
}
