package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.dump.JsonDump;
import io.github.core4j.btf.dump.RawDump;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j btf dump FILE [--base BASE] [--format raw|json]}: the raw format prints exactly
 * what {@code bpftool btf dump file FILE} (with {@code -B BASE}) prints.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = "Dump the types of a BTF file (raw format identical to bpftool's).")
final class BtfDumpCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    raw,
    json
  }

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "Raw BTF (possibly compressed), an ELF with .BTF (vmlinux, .ko, .bpf.o), a vmlinuz"
              + " or a linux-image .deb.")
  Path file;

  @Option(
      names = {"--base", "-B"},
      paramLabel = "BASE",
      description = "Base BTF when FILE is split BTF (a kernel module's).")
  Path base;

  @Option(
      names = "--format",
      defaultValue = "raw",
      description =
          "raw (bpftool's text) or json (one object per type). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Btf btf = InputFiles.readBtf(file, base);
    try (StdOut out = new StdOut(Core4j.of(spec).stdout())) {
      switch (format) {
        case raw -> RawDump.write(btf, out);
        case json -> JsonDump.write(btf, out);
      }
    }
    return 0;
  }
}
