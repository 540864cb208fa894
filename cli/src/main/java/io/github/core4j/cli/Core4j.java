package io.github.core4j.cli;

import io.github.core4j.btf.OneLine;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code core4j} command. Bad input or bad usage ends with exit code 2 and one line on stderr;
 * a stack trace only with {@code --debug}.
 */
@Command(
    name = "core4j",
    mixinStandardHelpOptions = true,
    versionProvider = Core4j.Version.class,
    description = "eBPF CO-RE toolchain for the JVM: BTF, objects, relocation, skeletons.")
public final class Core4j {
  /**
   * The subcommands, in the order help lists them. A command line that names one gets only that one
   * registered: picocli reads each command's annotations when it is added, which is most of a short
   * command's start-up.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  /** Exit code for bad input or bad usage. */
  public static final int EXIT_BAD_INPUT = 2;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces for errors.")
  boolean debug;

  private final OutputStream stdout;

  private Core4j(OutputStream stdout) {
    this.stdout = stdout;
  }

  /** Where commands write their output. */
  OutputStream stdout() {
    return stdout;
  }

  /** The root command object of the command line {@code spec} belongs to. */
  static Core4j of(CommandLine.Model.CommandSpec spec) {
    return (Core4j) spec.root().userObject();
  }

  /** Runs {@code args} and returns the exit code, without calling {@link System#exit}. */
  public static int run(String... args) {
    return run(new FileOutputStream(FileDescriptor.out), System.err, args);
  }

  /** Runs {@code args} with the given output streams and returns the exit code. */
  public static int run(OutputStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new Core4j(out));
    Supplier<Object> named = SUBCOMMANDS.get(firstWord(args));
    if (named != null) {
      cli.addSubcommand(named.get());
    } else {
      // help, --version, a misspelt command: every command, so usage and suggestions are complete
      SUBCOMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
    }
    // help and --version go to the same stream as the commands' output
    java.io.PrintWriter helpOut =
        new java.io.PrintWriter(
            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), true);
    cli.setOut(helpOut);
    cli.setErr(
        new java.io.PrintWriter(
            new java.io.OutputStreamWriter(err, java.nio.charset.StandardCharsets.UTF_8), true));
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("core4j: " + OneLine.of(String.valueOf(ex.getMessage())));
          err.println("Try 'core4j --help' for usage.");
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (isBrokenPipe(ex)) {
            return 0;
          }
          if (debug) {
            ex.printStackTrace();
          }
          err.println("core4j: " + describe(ex));
          return EXIT_BAD_INPUT;
        });
    int exit = cli.execute(args);
    helpOut.flush();
    return exit;
  }

  /** Entry point of {@code bin/core4j}. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("btf", BtfCommand::new);
    commands.put("obj", ObjCommand::new);
    commands.put("reloc", RelocCommand::new);
    commands.put("gen", GenCommand::new);
    commands.put("check", CheckCommand::new);
    commands.put("features", FeaturesCommand::new);
    commands.put("aot-training", AotTrainingCommand::new);
    return commands;
  }

  /** The first argument that is not an option: the subcommand's name, if any. */
  private static @Nullable String firstWord(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private static String describe(Exception ex) {
    String message = ex.getMessage();
    return message == null ? ex.getClass().getSimpleName() : OneLine.of(message);
  }

  private static boolean isBrokenPipe(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof IOException && String.valueOf(t.getMessage()).contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Core4j.class.getPackage().getImplementationVersion();
      return new String[] {"core4j " + (v == null ? "development build" : v)};
    }
  }
}
