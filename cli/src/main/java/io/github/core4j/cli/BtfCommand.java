package io.github.core4j.cli;

import picocli.CommandLine.Command;

/** {@code core4j btf ...}: work with BTF files. */
@Command(
    name = "btf",
    mixinStandardHelpOptions = true,
    description = "Inspect BTF: raw files, /sys/kernel/btf, compressed files.",
    subcommands = {BtfDumpCommand.class})
final class BtfCommand {}
