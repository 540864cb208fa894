package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.VethPair;
import io.github.core4j.runtime.link.XdpMode;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * xdp_filter, loaded through {@link ObjectLoader} and attached to one end of a veth pair between
 * two namespaces the test creates ({@link VethPair}: addresses only inside them), drops real pings:
 * once by a block-list entry for the sender, once by {@code drop_icmp} set in {@code .rodata}.
 */
@ExtendWith(NoFdLeaks.class)
class VethXdpTest {
  static final int PINGS = 3;

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  @Test
  void blockListedSenderIsDroppedOnTheWire() {
    try (VethPair veth = VethPair.create();
        LoadedObject o = ObjectLoader.open(TestObjects.object("xdp_filter")).load()) {
      assertTrue(veth.reachable(), "the pair works before attaching");
      o.map("blocklist_v4").update(XdpProgramsTest.v4Key(veth.leftIp, 0), XdpProgramsTest.u32(7));
      veth.inRight(() -> o.attachXdp("xdp_filter", veth.rightIfindex(), XdpMode.DEFAULT));
      Kernel.Result ping = veth.pingRightFromLeft(PINGS);
      assertNotEquals(0, ping.exit(), "pings must be dropped: " + ping.output());
      byte[] key = XdpProgramsTest.u32(7);
      long packets = 0;
      for (byte[] v : o.map("drop_counters").lookupPerCpu(key).orElseThrow()) {
        packets += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong(0);
      }
      assertEquals(PINGS, packets, "echo requests dropped by rule 7");
    }
  }

  @Test
  void dropIcmpFromRodataDropsPingsAndClosingDetaches() {
    try (VethPair veth = VethPair.create()) {
      OpenObject open = ObjectLoader.open(TestObjects.object("xdp_filter"));
      long dropIcmp = XdpProgramsTest.variable(open, ".rodata", "drop_icmp");
      open.globalData(".rodata").set(ValueLayout.JAVA_BYTE, dropIcmp, (byte) 1);
      try (LoadedObject o = open.load()) {
        assertTrue(veth.reachable(), "the pair works before attaching");
        veth.inRight(() -> o.attachXdp("xdp_filter", veth.rightIfindex(), XdpMode.DEFAULT));
        Kernel.Result ping = veth.pingRightFromLeft(PINGS);
        assertNotEquals(0, ping.exit(), "pings must be dropped: " + ping.output());
        long counter = XdpProgramsTest.variable(open, ".bss", "icmp_dropped");
        // ICMPv6 neighbour discovery on the new link counts too
        long dropped = o.globalData(".bss").get(ValueLayout.JAVA_LONG_UNALIGNED, counter);
        assertTrue(dropped >= PINGS, "ICMP packets dropped: " + dropped);
      }
      assertTrue(veth.reachable(), "closing the object detaches the program");
    }
  }
}
