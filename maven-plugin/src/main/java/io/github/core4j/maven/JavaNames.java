package io.github.core4j.maven;

import javax.lang.model.SourceVersion;

/** Checks of the Java names users configure. */
public final class JavaNames {
  private JavaNames() {}

  /**
   * Checks that {@code packageName} is a Java package name ({@code com.example.bpf}).
   *
   * @throws BuildException naming the offending part
   */
  public static void requirePackage(String packageName) {
    if (packageName.isEmpty()) {
      throw new BuildException("<packageName> is empty");
    }
    for (String part : packageName.split("\\.", -1)) {
      if (!SourceVersion.isIdentifier(part) || SourceVersion.isKeyword(part)) {
        throw new BuildException(
            "<packageName> '"
                + packageName
                + "' is not a Java package name ('"
                + part
                + "' is not an identifier)");
      }
    }
  }
}
