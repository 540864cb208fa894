package io.github.core4j.runtime.link;

/**
 * An attachment of a program to a hook that lasts until {@link #close()}: a kernel BPF link ({@link
 * BpfLink}) or a perf event carrying the program ({@link PerfEventLink}). Closing detaches (unless
 * the link was pinned) and is idempotent.
 */
public sealed interface Link extends AutoCloseable permits BpfLink, PerfEventLink {
  /** "xdp link of program 'drop' on ifindex 7", for messages. */
  String describe();

  /** Detaches the program (for pinned links: drops this process's reference only). */
  @Override
  void close();
}
