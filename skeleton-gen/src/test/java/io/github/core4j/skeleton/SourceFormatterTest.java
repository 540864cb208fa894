package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Generated sources come out as google-java-format (what Spotless enforces here) prints them. */
class SourceFormatterTest {
  @Test
  void formatsAndFixesImportsLikeGoogleJavaFormat() {
    String messy =
        "package p;import java.util.List;import java.util.Map;\n"
            + "class A{  List<String> names(){return List.of( \"a\",\"b\");}}";
    assertEquals(
        "package p;\n\n"
            + "import java.util.List;\n\n"
            + "class A {\n"
            + "  List<String> names() {\n"
            + "    return List.of(\"a\", \"b\");\n"
            + "  }\n"
            + "}\n",
        SourceFormatter.format(messy));
  }

  @Test
  void aSourceThatDoesNotParseIsAGeneratorBugWithTheFormattersMessage() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> SourceFormatter.format("class {"));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("google-java-format") || e.getMessage().contains("parse"),
        e.getMessage());
  }
}
