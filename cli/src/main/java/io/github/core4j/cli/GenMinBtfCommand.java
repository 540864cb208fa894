package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.source.BtfTree;
import io.github.core4j.elf.kernel.KernelBtf;
import io.github.core4j.reloc.TargetBtf;
import io.github.core4j.reloc.Targets;
import io.github.core4j.reloc.btfgen.Btfgen;
import io.github.core4j.reloc.btfgen.KernelTreeMinimizer;
import io.github.core4j.reloc.btfgen.MinimizedBtf;
import io.github.core4j.reloc.btfgen.ObjectBtf;
import io.github.core4j.reloc.btfgen.RelocationFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j gen min-btf --target BTF --out FILE OBJ...}: btfgen, as {@code bpftool gen
 * min_core_btf BTF FILE OBJ...} — BTF holding only the types and members the objects' CO-RE
 * relocations need of the kernel, byte for byte what bpftool writes.
 *
 * <p>Beyond bpftool: {@code --base} makes the target a kernel module's split BTF on that vmlinux
 * (the result is one standalone BTF); a directory or {@code .tar.xz}/{@code .tar.gz} archive as
 * target (a BTFHub tree) is minimized kernel by kernel, in parallel, into the mirrored tree under
 * {@code --out}; relocations that fail against a kernel are warnings, not errors.
 */
@Command(
    name = "min-btf",
    mixinStandardHelpOptions = true,
    description = {
      "Minimize kernel BTF to what the objects' CO-RE relocations need (bpftool gen"
          + " min_core_btf), for libbpf's btf_custom_path.",
      "TARGET may be a directory or a .tar.xz/.tar.gz archive of kernel BTFs (e.g. BTFHub's"
          + " distro/version/arch/kernel.btf.tar.xz): OUT is then a directory that receives the"
          + " same tree of minimized .btf files."
    })
final class GenMinBtfCommand implements Callable<Integer> {
  /** When to show progress for a tree of kernels. */
  enum Progress {
    auto,
    always,
    never
  }

  @Option(
      names = "--target",
      required = true,
      paramLabel = "TARGET",
      description =
          "Kernel BTF (raw or compressed BTF, vmlinux, .ko, vmlinuz, .deb), or a directory or"
              + " archive of kernel BTFs.")
  Path target;

  @Option(
      names = {"--base", "-B"},
      paramLabel = "BASE",
      description =
          "vmlinux BTF when TARGET is a kernel module's split BTF: relocations find candidates in"
              + " vmlinux, then in the module, and OUT holds what both contribute.")
  @Nullable Path base;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT",
      description = "The minimized BTF file; a directory when TARGET is a directory or archive.")
  Path out;

  @Option(
      names = {"--jobs", "-j"},
      paramLabel = "N",
      description = "Kernels minimized in parallel for a tree (default: the number of CPUs).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--progress",
      defaultValue = "auto",
      paramLabel = "WHEN",
      description =
          "Progress on stderr for a tree: auto (when a terminal), always or never. Default:"
              + " ${DEFAULT-VALUE}.")
  Progress progress;

  @Parameters(
      arity = "1..*",
      paramLabel = "OBJ",
      description = "BPF objects (clang -g, with .BTF and .BTF.ext), possibly compressed.")
  List<Path> objects;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.exists(target)) {
      throw new IllegalArgumentException(target + ": no such file or directory");
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
    }
    boolean tree = BtfTree.isTree(target);
    if (tree && base != null) {
      throw new IllegalArgumentException(
          "--base applies to one module's split BTF, not to a directory or archive of kernels");
    }
    if (!tree) {
      InputFiles.requireReadable(target);
    }
    List<ObjectBtf> objs = new ArrayList<>();
    for (Path o : objects) {
      InputFiles.requireReadable(o);
      objs.add(ObjectBtf.read(o));
    }
    PrintWriter err = spec.commandLine().getErr();
    return tree ? minimizeTree(objs, err) : minimizeOne(objs, err);
  }

  private int minimizeOne(List<ObjectBtf> objs, PrintWriter err) {
    Targets targets;
    if (base == null) {
      targets = Targets.of(KernelBtf.read(target));
    } else {
      InputFiles.requireReadable(base);
      Btf vmlinux = KernelBtf.read(base);
      targets =
          Targets.of(vmlinux)
              .withModule(TargetBtf.of(moduleName(target), KernelBtf.read(target, vmlinux)));
    }
    if (Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          out + " is a directory; --out names the BTF file to write");
    }
    MinimizedBtf min = Btfgen.minimize(targets, objs);
    createParent(out);
    min.writeTo(out);
    for (RelocationFailure f : min.failures()) {
      err.println("core4j: warning: " + f + " (libbpf would refuse to load it on " + target + ")");
    }
    return 0;
  }

  private int minimizeTree(List<ObjectBtf> objs, PrintWriter err) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          out + " is a file; with a directory or archive as --target, --out names a directory");
    }
    boolean show =
        progress == Progress.always
            || (progress == Progress.auto
                && java.util.Optional.ofNullable(System.console())
                    .map(java.io.Console::isTerminal)
                    .orElse(false));
    ProgressLine line = new ProgressLine(err, show);
    List<KernelTreeMinimizer.Outcome> outcomes;
    try {
      outcomes = KernelTreeMinimizer.run(target, out, objs, jobs, line);
    } finally {
      line.clear();
    }
    int failed = 0;
    int withFailingRelocations = 0;
    for (KernelTreeMinimizer.Outcome o : outcomes) {
      if (o.error().isPresent()) {
        failed++;
        err.println("core4j: " + o.path() + ": " + o.error().get());
        continue;
      }
      List<RelocationFailure> failures = o.result().orElseThrow().failures();
      if (!failures.isEmpty()) {
        withFailingRelocations++;
        err.println(
            "core4j: warning: "
                + o.path()
                + ": "
                + failures.size()
                + (failures.size() == 1 ? " relocation fails" : " relocations fail")
                + ", libbpf would refuse to load the object there: "
                + failures.get(0));
      }
    }
    err.println(
        "core4j: minimized "
            + (outcomes.size() - failed)
            + " of "
            + outcomes.size()
            + " kernels into "
            + out
            + (withFailingRelocations > 0
                ? " (" + withFailingRelocations + " with failing relocations)"
                : ""));
    err.flush();
    return failed > 0 || outcomes.isEmpty() ? Core4j.EXIT_BAD_INPUT : 0;
  }

  /** {@code nf_tables} for {@code .../nf_tables.btf.xz} or {@code nf_tables.ko}. */
  static String moduleName(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    for (String suffix : new String[] {".xz", ".gz", ".zst", ".bz2", ".btf", ".ko"}) {
      if (name.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private static void createParent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent + ": " + e.getMessage(), e);
    }
  }

  /** One self-overwriting progress line on stderr: {@code [done/found] path}. */
  private static final class ProgressLine implements KernelTreeMinimizer.Listener {
    private final PrintWriter err;
    private final boolean show;
    private int found;
    private boolean drawn;

    ProgressLine(PrintWriter err, boolean show) {
      this.err = err;
      this.show = show;
    }

    @Override
    public synchronized void found(String path, int queued) {
      found = queued;
    }

    @Override
    public synchronized void finished(KernelTreeMinimizer.Outcome outcome, int done) {
      if (show) {
        err.print("\r\033[K[" + done + "/" + Math.max(found, done) + "] " + outcome.path());
        err.flush();
        drawn = true;
      }
    }

    synchronized void clear() {
      if (drawn) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
