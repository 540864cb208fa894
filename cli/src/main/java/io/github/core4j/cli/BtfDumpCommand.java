package io.github.core4j.cli;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.dump.CDump;
import io.github.core4j.btf.dump.CDumpOptions;
import io.github.core4j.btf.dump.JsonDump;
import io.github.core4j.btf.dump.RawDump;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code core4j btf dump FILE [--base BASE] [--format raw|json|c] [--types T,...] [--sorted]}: the
 * raw format prints exactly what {@code bpftool btf dump file FILE} (with {@code -B BASE}) prints,
 * the C format exactly what {@code bpftool btf dump file FILE format c} prints.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = "Dump the types of a BTF file (raw and C formats identical to bpftool's).")
final class BtfDumpCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    raw,
    json,
    c
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
          "raw (bpftool's text), json (one object per type) or c (a vmlinux.h-style header)."
              + " Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--types",
      split = ",",
      paramLabel = "TYPE",
      description =
          "With --format c: only these types (struct, union, enum or typedef names, or type ids)"
              + " and what they need.")
  List<String> types = List.of();

  @Option(
      names = "--sorted",
      description =
          "With --format c: order definitions by kind and name instead of type id (dependencies"
              + " still come first), so headers of different kernels diff well.")
  boolean sorted;

  @Option(
      names = "--enum-modes",
      description =
          "With --format c: mark 1- and 8-byte enums with mode(byte)/mode(word) as libbpf 1.2+"
              + " does (bpftool 7.1 does not).")
  boolean enumModes;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (format != Format.c && (!types.isEmpty() || sorted || enumModes)) {
      throw new IllegalArgumentException("--types, --sorted and --enum-modes need --format c");
    }
    Btf btf = InputFiles.readBtf(file, base);
    if (format == Format.c) {
      CDump.write(btf, Core4j.of(spec).stdout(), new CDumpOptions(types, sorted, enumModes));
      return 0;
    }
    try (StdOut out = new StdOut(Core4j.of(spec).stdout())) {
      switch (format) {
        case raw -> RawDump.write(btf, out);
        case json -> JsonDump.write(btf, out);
        case c -> throw new IllegalStateException("written above");
      }
    }
    return 0;
  }
}
