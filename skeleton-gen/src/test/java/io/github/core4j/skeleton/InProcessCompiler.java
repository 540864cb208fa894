package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated skeletons with the JDK's compiler, in this process, against the test class
 * path (runtime and its dependencies), with every lint on and warnings as errors.
 */
final class InProcessCompiler {
  private InProcessCompiler() {}

  /** Writes and compiles {@code skeletons}; returns a class loader over the result. */
  static URLClassLoader compile(Path workDir, List<GeneratedSkeleton> skeletons) {
    try {
      Path src = workDir.resolve("src");
      Path classes = workDir.resolve("classes");
      Files.createDirectories(classes);
      List<Path> sources = new ArrayList<>();
      for (GeneratedSkeleton s : skeletons) {
        sources.add(s.writeTo(src, classes));
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
        List<String> options =
            List.of(
                "-Xlint:all",
                "-Werror",
                "-proc:none",
                "--release",
                "22",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString());
        boolean ok =
            javac
                .getTask(
                    null,
                    files,
                    diagnostics,
                    options,
                    null,
                    files.getJavaFileObjectsFromPaths(sources))
                .call();
        if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
          fail(
              "generated sources do not compile cleanly:\n"
                  + diagnostics.getDiagnostics().stream()
                      .map(InProcessCompiler::format)
                      .collect(Collectors.joining("\n")));
        }
      }
      return new URLClassLoader(
          new URL[] {classes.toUri().toURL()}, InProcessCompiler.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(Diagnostic<? extends JavaFileObject> d) {
    String where =
        d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
    return where + d.getKind() + ": " + d.getMessage(Locale.ROOT);
  }
}
