package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.link.Link;

/**
 * A raw tracepoint program: attached to the tracepoint its section names, or run on demand with a
 * context of the tracepoint's arguments ({@link
 * #testRun(io.github.core4j.runtime.prog.TestRunOptions)} with {@code withContext}).
 */
public final class RawTracepointProgram extends RunnableProgram {
  /** The program {@code name} of {@code skeleton}. */
  public RawTracepointProgram(BpfSkeleton skeleton, String name) {
    super(skeleton, name);
  }

  /** Attaches the program to its raw tracepoint. */
  public Link attach() {
    return skeleton().remember(skeleton().loaded().attach(name()));
  }
}
