package io.github.core4j.runtime.link;

import static io.github.core4j.runtime.Asm.R1;
import static io.github.core4j.runtime.Asm.R2;
import static io.github.core4j.runtime.Asm.R3;
import static io.github.core4j.runtime.Asm.R4;
import static io.github.core4j.runtime.Asm.R5;
import static io.github.core4j.runtime.Asm.R6;
import static io.github.core4j.runtime.Bytes.asU64;
import static io.github.core4j.runtime.Bytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.Asm;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.VethPair;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.prog.ProgramSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Programs on real traffic: a veth pair between two namespaces the test creates, pinged 5 times;
 * and a cgroup whose only member is a ping process.
 */
@ExtendWith(NoFdLeaks.class)
class NetworkLinksTest {
  static final int XDP_DROP = 1;
  static final int XDP_PASS = 2;
  static final int PINGS = 5;

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  /** Counts every packet (key 0); counts and drops IPv4 ICMP (key 1). */
  static byte[] dropIcmp(BpfMap counts) {
    int fd = counts.fd().value();
    return new Asm()
        .mov(R6, R1)
        .incrementArray(fd, 0)
        .ldxW(R2, R6, 0)
        .ldxW(R3, R6, 4)
        .mov(R4, R2)
        .addImm(R4, 34) // ethernet + IPv4 header
        .jgt(R4, R3, "pass")
        .ldxH(R5, R2, 12)
        .jneImm(R5, 0x0008, "pass") // ethertype 0x0800, loaded little-endian
        .ldxB(R5, R2, 23)
        .jneImm(R5, 1, "pass") // IPPROTO_ICMP
        .incrementArray(fd, 1)
        .ret(XDP_DROP)
        .label("pass")
        .ret(XDP_PASS)
        .bytes();
  }

  @Test
  void xdpLinkOnVethDropsRealPings() {
    dropsPings(XdpMode.DEFAULT);
  }

  @Test
  void genericXdpLinkOnVethDropsRealPings() {
    dropsPings(XdpMode.GENERIC);
  }

  private void dropsPings(XdpMode mode) {
    try (VethPair veth = VethPair.create();
        BpfMap counts = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 2));
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(ProgramType.XDP, dropIcmp(counts)).withName("drop_icmp"))) {
      assertTrue(veth.reachable(), "the pair works before attaching");
      long before = asU64(counts.lookup(u32(0)).orElseThrow());
      assertEquals(0, before, "nothing counted before attaching");

      // The ifindex is looked up in the caller's namespace: attach from inside the right one.
      try (BpfLink link = veth.inRight(() -> XdpAttach.attach(prog, veth.rightIf, mode))) {
        assertEquals(LinkType.XDP, link.info().type());
        Kernel.Result ping = veth.pingRightFromLeft(PINGS);
        assertNotEquals(0, ping.exit(), "pings must be dropped: " + ping.output());
        assertEquals(PINGS, asU64(counts.lookup(u32(1)).orElseThrow()), "ICMP packets dropped");
        assertTrue(asU64(counts.lookup(u32(0)).orElseThrow()) >= PINGS);
      }
      assertTrue(veth.reachable(), "closing the link detaches XDP");
    }
  }

  @Test
  void tcxIngressProgramSeesEveryPacket() {
    try (VethPair veth = VethPair.create();
        BpfMap counts = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 1));
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(
                        ProgramType.SCHED_CLS,
                        new Asm()
                            .incrementArray(counts.fd().value(), 0)
                            .ret(-1)
                            .bytes()) // TCX_NEXT
                    .withExpectedAttachType(AttachType.TCX_INGRESS))) {
      BpfLink link;
      try {
        link =
            veth.inRight(
                () ->
                    TcxAttach.ingress(
                        prog, io.github.core4j.runtime.sys.Libc.ifNameToIndex(veth.rightIf)));
      } catch (BpfException e) {
        Kernel.kernelLacks("tcx links (Linux 6.6+): " + e.getMessage());
        return;
      }
      try (link) {
        assertTrue(veth.reachable());
        Kernel.Result ping = veth.pingRightFromLeft(PINGS);
        assertEquals(0, ping.exit(), ping.output());
        long seen = asU64(counts.lookup(u32(0)).orElseThrow());
        assertTrue(seen >= PINGS, "packets seen: " + seen);
        assertEquals(LinkType.TCX, link.info().type());

        link.detach(); // the fd stays open, the program is off the hook
        assertEquals(0, veth.pingRightFromLeft(2).exit());
        assertEquals(seen, asU64(counts.lookup(u32(0)).orElseThrow()), "detached: no more counts");
      }
    }
  }

  @Test
  void cgroupSockCreateProgramSeesTheSocketsOfItsMembers() throws Exception {
    Kernel.requireTool("ping");
    Path cgroup = Kernel.cgroup2Root().resolve("core4j-test-" + UUID.randomUUID());
    Files.createDirectory(cgroup);
    try (BpfMap counts = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 1));
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(
                        ProgramType.CGROUP_SOCK,
                        new Asm().incrementArray(counts.fd().value(), 0).ret(1).bytes()) // allow
                    .withExpectedAttachType(AttachType.CGROUP_INET_SOCK_CREATE));
        BpfLink link = CgroupAttach.attach(prog, cgroup, AttachType.CGROUP_INET_SOCK_CREATE)) {
      assertEquals(LinkType.CGROUP, link.info().type());
      Kernel.run(
          "sh",
          "-c",
          "echo $$ > " + cgroup.resolve("cgroup.procs") + " && exec ping -c 1 -W 1 127.0.0.1");
      assertTrue(asU64(counts.lookup(u32(0)).orElseThrow()) >= 1);
    } finally {
      Files.delete(cgroup);
    }
  }
}
