package io.github.core4j.runtime.link;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Libc;

/**
 * Attaching XDP programs to a network device with an XDP link ({@code BPF_LINK_CREATE}, Linux
 * 5.9+). A link cannot be replaced by another tool by accident and goes away with its last fd. The
 * device is named by ifindex in this thread's network namespace.
 */
public final class XdpAttach {
  private XdpAttach() {}

  /** Attaches {@code program} (type xdp) to device {@code ifindex} in {@code mode}. */
  public static BpfLink attach(BpfProgram program, int ifindex, XdpMode mode) {
    return LinkCreate.create(
        program.fd().value(),
        ifindex,
        AttachType.XDP.value(),
        mode.flag(),
        attr -> {},
        "xdp link of " + program.describe() + " on ifindex " + ifindex + " (" + mode + ")");
  }

  /** Attaches {@code program} to the device named {@code ifname} in this thread's namespace. */
  public static BpfLink attach(BpfProgram program, String ifname, XdpMode mode) {
    return attach(program, Libc.ifNameToIndex(ifname), mode);
  }
}
