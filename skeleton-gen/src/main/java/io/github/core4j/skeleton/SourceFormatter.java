package io.github.core4j.skeleton;

import com.google.common.collect.ImmutableList;
import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.ImportOrderer;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import com.google.googlejavaformat.java.RemoveUnusedImports;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Formats generated sources with google-java-format, the formatter the project's own build
 * enforces, so a generated skeleton reads like hand-written code and never churns under a user's
 * formatter.
 *
 * <p>google-java-format uses javac's internal parser. When this JVM exports those packages to us
 * (the {@code core4j} launcher passes {@code --add-exports}) it runs in-process; otherwise (inside
 * Maven, whose JVM flags a plugin cannot set) it runs in a child JVM of the same Java with the
 * flags.
 */
final class SourceFormatter {
  private static final List<String> JAVAC_PACKAGES =
      List.of("api", "code", "file", "parser", "tree", "util");

  private SourceFormatter() {}

  /** {@code source} formatted as google-java-format (with its import fixing) formats it. */
  static String format(String source) {
    if (javacExported()) {
      return inProcess(source);
    }
    return inChildJvm(source);
  }

  private static boolean javacExported() {
    Module self = SourceFormatter.class.getModule();
    return ModuleLayer.boot()
        .findModule("jdk.compiler")
        .map(
            javac ->
                JAVAC_PACKAGES.stream()
                    .allMatch(p -> javac.isExported("com.sun.tools.javac." + p, self)))
        .orElse(false);
  }

  private static String inProcess(String source) {
    try {
      String formatted = new Formatter().formatSource(source);
      return ImportOrderer.reorderImports(
          RemoveUnusedImports.removeUnusedImports(formatted), JavaFormatterOptions.Style.GOOGLE);
    } catch (FormatterException e) {
      throw new IllegalStateException("generated source does not parse: " + e.getMessage(), e);
    }
  }

  private static String inChildJvm(String source) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String p : JAVAC_PACKAGES) {
      command.add("--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(formatterClassPath());
    command.add("com.google.googlejavaformat.java.Main");
    command.add("-");
    try {
      Process process = new ProcessBuilder(command).start();
      CompletableFuture<byte[]> errors =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      CompletableFuture<byte[]> output =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      try (OutputStream in = process.getOutputStream()) {
        in.write(source.getBytes(StandardCharsets.UTF_8));
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "google-java-format failed on a generated source (exit "
                + exit
                + "): "
                + new String(errors.join(), StandardCharsets.UTF_8).strip());
      }
      return new String(output.join(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run google-java-format: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting a generated source", e);
    }
  }

  /** The jars (or class directories) that hold google-java-format and Guava. */
  private static String formatterClassPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : List.of(Formatter.class, ImmutableList.class)) {
      try {
        entries.add(
            Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException | NullPointerException e) {
        throw new IllegalStateException("cannot locate " + c.getName() + " on the class path", e);
      }
    }
    try {
      // Guava's InternalFutureFailureAccess lives in a separate jar.
      Class<?> failure =
          Class.forName("com.google.common.util.concurrent.internal.InternalFutureFailureAccess");
      entries.add(
          Path.of(failure.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
      // absent: Guava runs without it for what the formatter uses
    }
    return String.join(File.pathSeparator, entries);
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
