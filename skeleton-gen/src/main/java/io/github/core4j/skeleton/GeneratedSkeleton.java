package io.github.core4j.skeleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated skeleton: the Java source of {@code packageName.className} and the object bytes it
 * loads at run time from the class-path resource {@code <className>.bpf.o} beside the class.
 */
public final class GeneratedSkeleton {
  private final String packageName;
  private final String className;
  private final String javaSource;
  private final byte[] objectBytes;

  /** A skeleton of {@code packageName.className} with its source and the object it embeds. */
  public GeneratedSkeleton(
      String packageName, String className, String javaSource, byte[] objectBytes) {
    this.packageName = packageName;
    this.className = className;
    this.javaSource = javaSource;
    this.objectBytes = objectBytes.clone();
  }

  /** The Java package of the generated class. */
  public String packageName() {
    return packageName;
  }

  /** The simple name of the generated class. */
  public String className() {
    return className;
  }

  /** The generated Java source. */
  public String javaSource() {
    return javaSource;
  }

  /** A copy of the object bytes the class loads. */
  public byte[] objectBytes() {
    return objectBytes.clone();
  }

  /** The resource name the generated class opens, relative to its package. */
  public String resourceName() {
    return className + ".bpf.o";
  }

  /**
   * Writes the source under {@code sourceRoot} and the object under {@code resourceRoot}, each in
   * the package's directory; returns the source file written.
   */
  public Path writeTo(Path sourceRoot, Path resourceRoot) {
    String dir = packageName.replace('.', '/');
    try {
      Path source = sourceRoot.resolve(dir).resolve(className + ".java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, javaSource);
      Path object = resourceRoot.resolve(dir).resolve(resourceName());
      Files.createDirectories(object.getParent());
      Files.write(object, objectBytes);
      return source;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
