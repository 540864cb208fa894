package io.github.core4j.cli;

import picocli.CommandLine.Command;

/** {@code core4j obj ...}: look into compiled BPF objects. */
@Command(
    name = "obj",
    mixinStandardHelpOptions = true,
    description = "Inspect BPF objects (*.bpf.o) as libbpf opens them.",
    subcommands = {ObjInfoCommand.class})
final class ObjCommand {}
