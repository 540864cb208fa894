package io.github.core4j.runtime.link;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Libc;
import java.nio.file.Path;

/**
 * Attaching cgroup programs (cgroup_skb, cgroup_sock, cgroup_sock_addr, sockops, device, sysctl,
 * sockopt) to a cgroup v2 directory with a cgroup link ({@code BPF_LINK_CREATE}, Linux 5.7+). Links
 * compose: several programs may be attached at one hook.
 */
public final class CgroupAttach {
  private CgroupAttach() {}

  /** Attaches {@code program} to cgroup directory {@code cgroup} at hook {@code attachType}. */
  public static BpfLink attach(BpfProgram program, Path cgroup, AttachType attachType) {
    try (Fd dir = Libc.open(cgroup.toString(), Libc.O_RDONLY | Libc.O_DIRECTORY)) {
      return LinkCreate.create(
          program.fd().value(),
          dir.value(),
          attachType.value(),
          0,
          attr -> {},
          attachType.libbpfName() + " link of " + program.describe() + " on " + cgroup);
    }
  }
}
