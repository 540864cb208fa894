package io.github.core4j.cli;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.skeleton.GeneratedSkeleton;
import io.github.core4j.skeleton.SkeletonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j gen skeleton OBJ --package P [--class C] --out DIR [--resources DIR]}: the typed
 * Java skeleton of a BPF object (the Java counterpart of {@code bpftool gen skeleton}), written as
 * {@code DIR/p/C.java} plus the object it loads, {@code RESOURCES/p/C.bpf.o}.
 */
@Command(
    name = "skeleton",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the typed Java skeleton of a BPF object: programs, maps with key/value records"
          + " from BTF, and global variables.",
      "Writes OUT/<package dirs>/<Class>.java and the object it loads, <Class>.bpf.o, under"
          + " RESOURCES (default: OUT)."
    })
final class GenSkeletonCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "OBJ",
      description = "The BPF object (clang -g, with .BTF).")
  Path object;

  @Option(
      names = "--package",
      required = true,
      paramLabel = "P",
      description = "The Java package of the generated class.")
  String packageName;

  @Option(
      names = "--class",
      paramLabel = "C",
      description =
          "The class name (default: the object's file name in UpperCamelCase, xdp_filter.bpf.o →"
              + " XdpFilter).")
  @Nullable String className;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The source root the .java file goes under.")
  Path out;

  @Option(
      names = "--resources",
      paramLabel = "DIR",
      description = "The resource root the object goes under (default: the --out directory).")
  @Nullable Path resources;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    InputFiles.requireReadable(object);
    for (Path dir : new Path[] {out, resources}) {
      if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException(dir + " is a file; it must name a directory");
      }
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(object);
    } catch (IOException e) {
      throw new UncheckedIOException(object + ": " + e.getMessage(), e);
    }
    Path fileName = object.getFileName();
    BpfObject parsed =
        BpfObject.open(bytes, fileName == null ? object.toString() : fileName.toString());
    GeneratedSkeleton skeleton = SkeletonGenerator.generate(parsed, bytes, packageName, className);
    Path resourceRoot = resources == null ? out : resources;
    Path source = skeleton.writeTo(out, resourceRoot);
    try (StdOut stdout = new StdOut(Core4j.of(spec).stdout())) {
      stdout.append(source.toString()).append('\n');
      stdout
          .append(
              resourceRoot
                  .resolve(packageName.replace('.', '/'))
                  .resolve(skeleton.resourceName())
                  .toString())
          .append('\n');
    }
    return 0;
  }
}
