package io.github.core4j.cli;

import picocli.CommandLine.Command;

/** {@code core4j gen ...}: generate files from BPF objects. */
@Command(
    name = "gen",
    mixinStandardHelpOptions = true,
    description =
        "Generate files from BPF objects: typed Java skeletons, minimized BTF for shipping"
            + " (btfgen).",
    subcommands = {GenSkeletonCommand.class, GenMinBtfCommand.class})
final class GenCommand {}
