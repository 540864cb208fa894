package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.link.Link;
import io.github.core4j.runtime.link.XdpMode;

/** An XDP program: test-run over crafted packets, or attached to a network interface. */
public final class XdpProgram extends RunnableProgram {
  /** The program {@code name} of {@code skeleton}. */
  public XdpProgram(BpfSkeleton skeleton, String name) {
    super(skeleton, name);
  }

  /** Attaches the program to interface {@code ifindex}; the link is closed with the skeleton. */
  public Link attach(int ifindex, XdpMode mode) {
    return skeleton().remember(skeleton().loaded().attachXdp(name(), ifindex, mode));
  }
}
