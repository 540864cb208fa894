package io.github.core4j.cli;

import io.github.core4j.reloc.kernels.KernelSource;
import io.github.core4j.reloc.kernels.KernelSources;
import io.github.core4j.reloc.matrix.MatrixListener;
import io.github.core4j.reloc.matrix.MatrixRunner;
import io.github.core4j.reloc.matrix.MatrixSummary;
import io.github.core4j.reloc.matrix.ObjectCheck;
import io.github.core4j.reloc.matrix.Progress;
import io.github.core4j.reloc.matrix.elf.ElfObjectCheck;
import io.github.core4j.reloc.matrix.report.JsonLinesReport;
import io.github.core4j.reloc.matrix.report.JunitReport;
import io.github.core4j.reloc.matrix.report.Listeners;
import io.github.core4j.reloc.matrix.report.ProgressBar;
import io.github.core4j.reloc.matrix.report.TextTableReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j check OBJ... --kernels PATH... [--json] [--junit FILE] [--threads N]}: the matrix
 * of kernels × programs — would each program's CO-RE relocations let it load on each kernel. Exit 0
 * when every program is OK on every kernel, 1 when any cell FAILs, 2 on bad input.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check offline which programs of BPF objects load on which kernels, as far as CO-RE"
          + " relocation decides: a matrix of kernels x programs.",
      "Exit status: 0 all OK, 1 some program FAILs on some kernel, 2 bad input."
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "OBJ", description = "BPF objects (*.bpf.o).")
  List<Path> objects = new ArrayList<>();

  @Option(
      names = "--kernels",
      arity = "1..*",
      required = true,
      paramLabel = "PATH",
      description =
          "Kernel BTFs: raw or compressed BTF files, vmlinux/vmlinuz, linux-image .deb packages,"
              + " .tar.xz/.tar.gz archives of BTFs, directories of any of these (BTFHub trees),"
              + " /sys/kernel/btf/vmlinux.")
  List<Path> kernels = new ArrayList<>();

  @Option(names = "--json", description = "One JSON object per cell and line instead of a table.")
  boolean json;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description =
          "Also write JUnit XML: a test suite per object, a test case per kernel x program.")
  Path junit;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Kernels checked in parallel (default: one per processor).")
  Integer threads;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
    List<ObjectCheck> checks = new ArrayList<>();
    for (Path o : objects) {
      InputFiles.requireReadable(o);
      checks.add(ElfObjectCheck.open(o));
    }
    List<KernelSource> sources = KernelSources.parts(kernels);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(
          "no kernel BTF found in "
              + String.join(", ", kernels.stream().map(Path::toString).toList()));
    }

    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Core4j.of(spec).stdout(), StandardCharsets.UTF_8), 1 << 16);
    List<MatrixListener> reports = new ArrayList<>();
    reports.add(json ? new JsonLinesReport(out) : new TextTableReport(out, Terminals.color(1)));
    Writer junitOut = null;
    if (junit != null) {
      junitOut = Files.newBufferedWriter(junit, StandardCharsets.UTF_8);
      reports.add(new JunitReport(junitOut));
    }
    MatrixListener listener = Listeners.all(reports);
    Progress progress = Progress.NONE;
    if (Terminals.isTerminal(2)) {
      ProgressBar bar = new ProgressBar(System.err);
      progress = bar;
      listener = bar.around(listener);
    }
    try {
      MatrixSummary summary = new MatrixRunner(checks, n, progress).run(sources, listener);
      return summary.allOk() ? 0 : 1;
    } finally {
      out.flush();
      if (junitOut != null) {
        junitOut.close();
      }
    }
  }
}
