package io.github.core4j.maven;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.reloc.kernels.KernelSource;
import io.github.core4j.reloc.kernels.KernelSources;
import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.KernelRow;
import io.github.core4j.reloc.matrix.MatrixListener;
import io.github.core4j.reloc.matrix.MatrixRunner;
import io.github.core4j.reloc.matrix.MatrixSummary;
import io.github.core4j.reloc.matrix.ObjectCheck;
import io.github.core4j.reloc.matrix.Progress;
import io.github.core4j.reloc.matrix.elf.ElfObjectCheck;
import io.github.core4j.reloc.matrix.report.JsonLinesReport;
import io.github.core4j.reloc.matrix.report.Listeners;
import io.github.core4j.reloc.matrix.report.TextTableReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of the {@code check} goal, free of Maven: the compatibility matrix of kernels × programs
 * of {@code core4j check}, written as {@code compat.txt} (the table) and {@code compat.json} (a
 * JSON line per cell) in the report directory, and every FAIL cell as a {@link CheckFailure} with
 * the source lines of its relocations.
 *
 * @param objects the BPF objects
 * @param kernels kernel BTF files, directories or archives
 * @param reportDirectory where the reports go
 * @param threads kernels checked in parallel
 */
public record CompatCheck(
    List<Path> objects, List<Path> kernels, Path reportDirectory, int threads) {
  /** The table report's file name. */
  public static final String TEXT_REPORT = "compat.txt";

  /** The JSON lines report's file name. */
  public static final String JSON_REPORT = "compat.json";

  /** Copies the lists so the record stays immutable. */
  public CompatCheck {
    objects = List.copyOf(objects);
    kernels = List.copyOf(kernels);
  }

  /**
   * What a check found.
   *
   * @param summary the matrix totals
   * @param failures every FAIL cell, kernels in order
   */
  public record Outcome(MatrixSummary summary, List<CheckFailure> failures) {
    /** Copies the list so the record stays immutable. */
    public Outcome {
      failures = List.copyOf(failures);
    }
  }

  /**
   * Runs the matrix.
   *
   * @throws BuildException when there are no objects or kernels, or one can't be read
   */
  public Outcome run() {
    if (objects.isEmpty()) {
      throw new BuildException(
          "no BPF objects to check: compile src/main/bpf/*.bpf.c with the generate goal or add"
              + " prebuilt *.bpf.o there");
    }
    if (kernels.isEmpty()) {
      throw new BuildException(
          "no kernels to check against: list kernel BTF files, directories or archives in"
              + " <kernels>");
    }
    List<ObjectCheck> checks = new ArrayList<>();
    Map<String, RelocationSources> sources = new HashMap<>();
    for (Path o : objects) {
      if (!Files.isRegularFile(o)) {
        throw new BuildException(o + ": no such BPF object");
      }
      try {
        ElfObjectCheck check = ElfObjectCheck.open(o);
        checks.add(check);
        sources.put(check.object(), new RelocationSources(BpfObject.open(o)));
      } catch (RuntimeException e) {
        throw new BuildException(o + ": not a usable BPF object: " + e.getMessage(), e);
      }
    }
    List<KernelSource> parts;
    try {
      parts = KernelSources.parts(kernels);
    } catch (RuntimeException e) {
      throw new BuildException("<kernels>: " + e.getMessage(), e);
    }
    if (parts.isEmpty()) {
      throw new BuildException(
          "no kernel BTF found in "
              + String.join(", ", kernels.stream().map(Path::toString).toList())
              + ": fix <kernels>");
    }

    List<CheckFailure> failures = new ArrayList<>();
    MatrixListener collect =
        new MatrixListener() {
          @Override
          public void row(KernelRow row) {
            for (Cell c : row.cells()) {
              if (!c.ok()) {
                String reason = String.valueOf(c.reason());
                RelocationSources s = sources.get(c.object());
                failures.add(
                    new CheckFailure(
                        c.object(),
                        c.program(),
                        c.kernel(),
                        reason,
                        s == null ? List.of() : s.linesOf(c.program(), reason)));
              }
            }
          }
        };
    try {
      Files.createDirectories(reportDirectory);
      try (Writer text =
              Files.newBufferedWriter(
                  reportDirectory.resolve(TEXT_REPORT), StandardCharsets.UTF_8);
          Writer json =
              Files.newBufferedWriter(
                  reportDirectory.resolve(JSON_REPORT), StandardCharsets.UTF_8)) {
        MatrixListener listener =
            Listeners.all(
                List.of(new TextTableReport(text, false), new JsonLinesReport(json), collect));
        MatrixSummary summary =
            new MatrixRunner(checks, threads, Progress.NONE).run(parts, listener);
        return new Outcome(summary, failures);
      }
    } catch (IOException e) {
      throw new BuildException(
          reportDirectory + ": cannot write the reports: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof BuildException) {
        throw e;
      }
      throw new BuildException("check failed: " + e.getMessage(), e);
    }
  }
}
