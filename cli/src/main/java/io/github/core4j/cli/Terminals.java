package io.github.core4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the standard streams are terminals (Linux: what {@code /proc/self/fd/N} points to). */
final class Terminals {
  private Terminals() {}

  /** Whether file descriptor {@code fd} (1 = stdout, 2 = stderr) is a terminal. */
  static boolean isTerminal(int fd) {
    String term = System.getenv("TERM");
    if (term == null || term.equals("dumb")) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** Whether to colour output on a terminal ({@code NO_COLOR} unset). */
  static boolean color(int fd) {
    return isTerminal(fd) && System.getenv("NO_COLOR") == null;
  }
}
