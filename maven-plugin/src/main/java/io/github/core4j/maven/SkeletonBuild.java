package io.github.core4j.maven;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.skeleton.GeneratedSkeleton;
import io.github.core4j.skeleton.SkeletonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The work of the {@code generate} goal, free of Maven: compile every {@code *.bpf.c} with clang
 * against a {@code vmlinux.h} core4j dumps itself, take every prebuilt {@code *.bpf.o} as it is,
 * and generate one skeleton class per object with the object beside it as a resource. Nothing is
 * done when the inputs are those of the last run ({@link InputStamp}).
 */
public final class SkeletonBuild {
  private final GenerateSettings settings;
  private final Generator generator;
  private final Consumer<String> info;
  private final Consumer<String> warn;

  /**
   * A build with {@code settings}, reporting progress to {@code info} and clang's warnings to
   * {@code warn}.
   */
  public SkeletonBuild(GenerateSettings settings, Consumer<String> info, Consumer<String> warn) {
    this(
        settings,
        (object, bytes, pkg) -> SkeletonGenerator.generate(object, bytes, pkg, null),
        info,
        warn);
  }

  /** A build that generates skeletons with {@code generator} (tests use a stand-in). */
  SkeletonBuild(
      GenerateSettings settings,
      Generator generator,
      Consumer<String> info,
      Consumer<String> warn) {
    this.settings = settings;
    this.generator = generator;
    this.info = info;
    this.warn = warn;
  }

  /**
   * Turns one object into its skeleton: {@link SkeletonGenerator#generate}, class name by default.
   */
  @FunctionalInterface
  interface Generator {
    GeneratedSkeleton generate(BpfObject object, byte[] bytes, String packageName);
  }

  /**
   * What a run did.
   *
   * @param upToDate whether nothing had changed, so nothing was done
   * @param objects the objects skeletons were generated from (compiled, then prebuilt)
   * @param sources the skeleton sources
   */
  public record Result(boolean upToDate, List<Path> objects, List<Path> sources) {
    /** Copies the lists so the record stays immutable. */
    public Result {
      objects = List.copyOf(objects);
      sources = List.copyOf(sources);
    }
  }

  /**
   * Runs the build.
   *
   * @throws BuildException for a setup mistake, a compile error or an object that can't be read
   */
  public Result run() {
    JavaNames.requirePackage(settings.packageName());
    BpfSources found = BpfSources.scan(settings.bpfDirectory());
    if (found.isEmpty()) {
      throw new BuildException(
          "no BPF programs in "
              + settings.bpfDirectory()
              + ": add *.bpf.c sources or prebuilt *.bpf.o objects there (or set <bpfDirectory>)");
    }
    Clang clang = null;
    InputStamp stamp =
        new InputStamp()
            .setting("plugin", settings.pluginVersion())
            .setting("package", settings.packageName());
    if (!found.programs().isEmpty()) {
      clang =
          new Clang(
              Clang.locate(settings.clang(), settings.pathVariable()),
              settings.arch(),
              List.of(settings.includeDirectory(), settings.bpfDirectory()),
              settings.clangFlags(),
              settings.projectDirectory());
      VmlinuxHeader.requireBtf(settings.btf());
      stamp
          .setting("clang", clang.executable().toString())
          .setting("command", String.join(" ", clang.command(Path.of("in"), Path.of("out"))))
          .file(settings.btf());
    }
    for (Path p : found.programs()) {
      stamp.file(p);
    }
    for (Path p : found.others()) {
      stamp.file(p);
    }
    for (Path p : found.prebuilt()) {
      stamp.file(p);
    }

    List<Path> objects = new ArrayList<>();
    for (Path p : found.programs()) {
      objects.add(found.objectFor(p, settings.objectDirectory()));
    }
    objects.addAll(found.prebuilt());
    if (stamp.upToDate(settings.stampFile())) {
      info.accept("BPF skeletons are up to date (" + objects.size() + " objects)");
      return new Result(true, objects, List.of());
    }

    if (clang != null) {
      Path header = VmlinuxHeader.write(settings.btf(), settings.includeDirectory());
      info.accept("vmlinux.h from " + settings.btf() + " -> " + header);
      deleteTree(settings.objectDirectory());
      for (Path p : found.programs()) {
        Path object = found.objectFor(p, settings.objectDirectory());
        info.accept("clang " + found.root().relativize(p) + " -> " + object);
        clang.compile(p, object, out -> warn.accept(p + ": clang:\n" + out));
      }
    }

    deleteTree(settings.sourceDirectory());
    deleteTree(settings.resourceDirectory());
    Map<String, Path> classes = new HashMap<>();
    List<Path> sources = new ArrayList<>();
    List<Path> outputs = new ArrayList<>(objects);
    for (Path object : objects) {
      GeneratedSkeleton skeleton = generate(object);
      Path previous = classes.putIfAbsent(skeleton.className(), object);
      if (previous != null) {
        throw new BuildException(
            object
                + " and "
                + previous
                + " would both generate "
                + settings.packageName()
                + "."
                + skeleton.className()
                + ": rename one of them");
      }
      Path source = skeleton.writeTo(settings.sourceDirectory(), settings.resourceDirectory());
      info.accept(
          "skeleton " + settings.packageName() + "." + skeleton.className() + " <- " + object);
      sources.add(source);
      outputs.add(source);
    }
    stamp.write(settings.stampFile(), outputs);
    return new Result(false, objects, sources);
  }

  private GeneratedSkeleton generate(Path object) {
    String fileName = String.valueOf(object.getFileName());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(object);
    } catch (IOException e) {
      throw new BuildException(object + ": cannot read: " + e.getMessage(), e);
    }
    BpfObject parsed;
    try {
      parsed = BpfObject.open(bytes, fileName);
    } catch (RuntimeException e) {
      throw new BuildException(object + ": not a usable BPF object: " + message(e), e);
    }
    try {
      return generator.generate(parsed, bytes, settings.packageName());
    } catch (RuntimeException e) {
      throw new BuildException(object + ": cannot generate its skeleton: " + message(e), e);
    }
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new BuildException(dir + ": cannot clean: " + e.getMessage(), e);
    }
  }
}
