package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.link.Link;

/**
 * A program attached to the hook its section names (kprobe, tracepoint, fentry, LSM...); the link
 * is closed with the skeleton.
 */
public final class AttachableProgram extends ProgramHandle {
  /** The program {@code name} of {@code skeleton}. */
  public AttachableProgram(BpfSkeleton skeleton, String name) {
    super(skeleton, name);
  }

  /** Attaches the program as its section says. */
  public Link attach() {
    return skeleton().remember(skeleton().loaded().attach(name()));
  }
}
