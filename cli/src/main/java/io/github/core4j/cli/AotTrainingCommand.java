package io.github.core4j.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code core4j aot-training TESTDATA}: runs the commands people run most on bundled inputs, output
 * discarded, so that {@code bin/core4j} can record what a JDK 25 AOT cache should hold (the classes
 * they load and link). Hidden: only the launcher calls it, once per build, in the background.
 */
@Command(
    name = "aot-training",
    hidden = true,
    description =
        "Exercise the common commands on bundled inputs (bin/core4j's AOT cache training).")
final class AotTrainingCommand implements Callable<Integer> {
  private static final Path RUNNING_KERNEL = Path.of("/sys/kernel/btf/vmlinux");

  @Parameters(index = "0", paramLabel = "TESTDATA", description = "The repository's testdata.")
  Path testdata;

  @Override
  public Integer call() {
    Path kernel =
        Files.isReadable(RUNNING_KERNEL)
            ? RUNNING_KERNEL
            : testdata.resolve("btf/kernels/6.1.0-50-amd64.btf.xz");
    String base = testdata.resolve("btf/kernels/6.1.0-50-amd64.btf.xz").toString();
    String module = testdata.resolve("btf/modules/6.1.0-50-amd64/af_key.btf.xz").toString();
    String object = testdata.resolve("bpf/out/core_reads.bpfel.o").toString();
    List<List<String>> commands =
        List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("btf", "dump", kernel.toString()),
            List.of("btf", "dump", kernel.toString(), "--format", "c"),
            List.of("btf", "dump", module, "--base", base, "--format", "json"),
            List.of("obj", "info", object),
            List.of("obj", "info", object, "--json"),
            List.of("reloc", object, "--target", kernel.toString()),
            List.of("reloc", object, "--target", kernel.toString(), "--json"),
            List.of("check", object, "--kernels", kernel.toString()));
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    for (List<String> command : commands) {
      Core4j.run(OutputStream.nullOutputStream(), discard, command.toArray(String[]::new));
    }
    return 0;
  }
}
