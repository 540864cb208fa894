package io.github.core4j.runtime.link;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.prog.BpfProgram;

/**
 * Attaching sched_cls programs to a device's ingress or egress with tcx links ({@code
 * BPF_LINK_CREATE} with {@code BPF_TCX_INGRESS/EGRESS}, Linux 6.6+): no qdisc, no netlink. The
 * program returns {@code TCX_NEXT} (-1), {@code TCX_PASS} (0), {@code TCX_DROP} (2) or {@code
 * TCX_REDIRECT} (7).
 */
public final class TcxAttach {
  private TcxAttach() {}

  /** Attaches {@code program} at the ingress of device {@code ifindex}. */
  public static BpfLink ingress(BpfProgram program, int ifindex) {
    return attach(program, ifindex, AttachType.TCX_INGRESS);
  }

  /** Attaches {@code program} at the egress of device {@code ifindex}. */
  public static BpfLink egress(BpfProgram program, int ifindex) {
    return attach(program, ifindex, AttachType.TCX_EGRESS);
  }

  private static BpfLink attach(BpfProgram program, int ifindex, AttachType where) {
    return LinkCreate.create(
        program.fd().value(),
        ifindex,
        where.value(),
        0,
        attr -> {},
        where.libbpfName() + " link of " + program.describe() + " on ifindex " + ifindex);
  }
}
