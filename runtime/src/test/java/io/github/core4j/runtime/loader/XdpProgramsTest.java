package io.github.core4j.runtime.loader;

import static io.github.core4j.runtime.loader.Frames.XDP_DROP;
import static io.github.core4j.runtime.loader.Frames.XDP_PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.prog.BpfProgram;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The XDP objects loaded through {@link ObjectLoader} give the verdicts their C sources promise
 * under {@code BPF_PROG_TEST_RUN} on crafted frames (the cases of {@code
 * testdata/bpf/verify_xdp.sh}), and {@code .rodata} set before load changes what they do.
 */
@ExtendWith(NoFdLeaks.class)
class XdpProgramsTest {
  static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  static byte[] v4Key(String addr, int port) {
    byte[] a = Frames.udp4(addr, "10.0.0.100", 1);
    return ByteBuffer.allocate(8).put(a, 14 + 12, 4).putShort((short) port).array();
  }

  static byte[] u32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
  }

  static int run(BpfProgram p, byte[] frame) {
    return p.testRun(frame).returnValue();
  }

  @Test
  void xdpFilterDropsBlockListedSourcesAndCountsPerRule() {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("xdp_filter")).load()) {
      o.map("blocklist_v4").update(v4Key("10.0.0.1", 0), u32(1));
      o.map("blocklist_v4").update(v4Key("10.0.0.2", 22), u32(2));
      byte[] v6 = new byte[20];
      v6[0] = 0x20;
      v6[1] = 0x01;
      v6[2] = 0x0d;
      v6[3] = (byte) 0xb8;
      v6[15] = 1;
      o.map("blocklist_v6").update(v6, u32(3));
      BpfProgram p = o.program("xdp_filter");
      String dst = "10.0.0.100";
      assertEquals(XDP_DROP, run(p, Frames.tcp4("10.0.0.1", dst, 80)), "listed source, any port");
      assertEquals(XDP_DROP, run(p, Frames.udp4("10.0.0.1", dst, 53)), "same source, UDP");
      assertEquals(XDP_PASS, run(p, Frames.tcp4("10.0.0.3", dst, 80)), "source not listed");
      assertEquals(XDP_DROP, run(p, Frames.tcp4("10.0.0.2", dst, 22)), "listed for port 22");
      assertEquals(XDP_PASS, run(p, Frames.tcp4("10.0.0.2", dst, 80)), "same source, port 80");
      assertEquals(XDP_DROP, run(p, Frames.udp4Vlan("10.0.0.1", dst, 53, 42)), "802.1Q tagged");
      assertEquals(XDP_PASS, run(p, Frames.icmp4("10.0.0.9", dst)), "ICMP, drop_icmp=false");
      assertEquals(XDP_DROP, run(p, Frames.udp6("2001:db8::1", "2001:db8::100", 53)), "IPv6");
      assertEquals(XDP_PASS, run(p, Frames.udp6("2001:db8::2", "2001:db8::100", 53)), "IPv6");
      assertEquals(XDP_PASS, run(p, Frames.arp()), "non-IP");
      assertEquals(XDP_PASS, run(p, Frames.truncatedIpv4()), "truncated");
      // rule 1 dropped three frames (TCP, UDP, VLAN), rule 2 one, rule 3 one
      assertEquals(3, dropped(o, 1));
      assertEquals(1, dropped(o, 2));
      assertEquals(1, dropped(o, 3));
    }
  }

  private static long dropped(LoadedObject o, int rule) {
    List<byte[]> perCpu = o.map("drop_counters").lookupPerCpu(u32(rule)).orElseThrow();
    long sum = 0;
    for (byte[] v : perCpu) {
      sum += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong(0);
    }
    return sum;
  }

  @Test
  void dropIcmpSetInRodataBeforeLoadDropsIcmpAndCountsInBss() {
    OpenObject open = ObjectLoader.open(TestObjects.object("xdp_filter"));
    long dropIcmp = variable(open, ".rodata", "drop_icmp");
    open.globalData(".rodata").set(ValueLayout.JAVA_BYTE, dropIcmp, (byte) 1);
    try (LoadedObject o = open.load()) {
      BpfProgram p = o.program("xdp_filter");
      assertEquals(XDP_DROP, run(p, Frames.icmp4("10.0.0.9", "10.0.0.100")));
      assertEquals(XDP_DROP, run(p, Frames.icmp6("2001:db8::9", "2001:db8::100")));
      assertEquals(XDP_PASS, run(p, Frames.tcp4("10.0.0.9", "10.0.0.100", 80)));
      long counter = variable(open, ".bss", "icmp_dropped");
      assertEquals(2, o.globalData(".bss").get(U64, counter), "live .bss via mmap");
      MemorySegment rodata = o.globalData(".rodata");
      assertEquals(1, rodata.get(ValueLayout.JAVA_BYTE, dropIcmp));
      assertThrows(
          RuntimeException.class,
          () -> rodata.set(ValueLayout.JAVA_BYTE, dropIcmp, (byte) 0),
          ".rodata is mapped read-only");
    }
  }

  @Test
  void withoutDropIcmpIcmpPasses() {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("xdp_filter")).load()) {
      assertEquals(XDP_PASS, run(o.program("xdp_filter"), Frames.icmp4("10.0.0.9", "10.0.0.1")));
      assertEquals(0, o.globalData(".bss").get(U64, 0));
    }
  }

  static long variable(OpenObject open, String section, String name) {
    return open.object().dataSection(section).orElseThrow().variable(name).orElseThrow().offset();
  }

  @Test
  void portKnockSequenceOpensTheProtectedPortForTheKnockingSourceOnly() {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("port_knock")).load()) {
      BpfProgram p = o.program("xdp_port_knock");
      String a = "192.0.2.10";
      String b = "192.0.2.11";
      String me = "192.0.2.1";
      assertEquals(XDP_DROP, run(p, Frames.tcp4(a, me, 2222)), "closed before knocking");
      assertEquals(XDP_DROP, run(p, Frames.udp4(a, me, 7000)), "knock 1 (dropped)");
      assertEquals(XDP_DROP, run(p, Frames.udp4(a, me, 8000)), "knock 2");
      assertEquals(XDP_DROP, run(p, Frames.tcp4(a, me, 9000)), "knock 3, TCP SYN");
      assertEquals(XDP_PASS, run(p, Frames.tcp4(a, me, 2222)), "open for the knocker");
      assertEquals(XDP_PASS, run(p, Frames.tcp4(a, me, 2222, Frames.TCP_ACK)), "any TCP now");
      assertEquals(XDP_DROP, run(p, Frames.tcp4(b, me, 2222)), "still closed for others");
      assertEquals(XDP_PASS, run(p, Frames.udp4(b, me, 53)), "other traffic passes");

      String c = "192.0.2.12";
      run(p, Frames.udp4(c, me, 8000));
      run(p, Frames.udp4(c, me, 7000));
      run(p, Frames.udp4(c, me, 9000));
      assertEquals(XDP_DROP, run(p, Frames.tcp4(c, me, 2222)), "wrong order does not open");

      String d = "192.0.2.13";
      run(p, Frames.tcp4(d, me, 7000));
      run(p, Frames.tcp4(d, me, 8000, Frames.TCP_ACK));
      run(p, Frames.tcp4(d, me, 9000));
      assertEquals(XDP_DROP, run(p, Frames.tcp4(d, me, 2222)), "a non-SYN knock does not count");

      String e = "2001:db8::e";
      run(p, Frames.udp6(e, "2001:db8::1", 7000));
      run(p, Frames.udp6(e, "2001:db8::1", 8000));
      run(p, Frames.udp6(e, "2001:db8::1", 9000));
      assertEquals(XDP_PASS, run(p, Frames.tcp6(e, "2001:db8::1", 2222)), "IPv6 knocker");
      assertEquals(XDP_DROP, run(p, Frames.tcp6("2001:db8::f", "2001:db8::1", 2222)), "IPv6");

      OpenObjectOffsets stats = new OpenObjectOffsets(o, ".bss", "stats");
      assertEquals(2, o.globalData(".bss").get(U64, stats.offset + 8), "stats.opened");
    }
  }

  @Test
  void knockGapFromRodataRestartsASlowSequence() throws Exception {
    OpenObject open = ObjectLoader.open(TestObjects.object("port_knock"));
    long gap = variable(open, ".rodata", "knock_gap_ns");
    open.globalData(".rodata").set(U64, gap, 1_000_000L); // 1 ms between knocks
    try (LoadedObject o = open.load()) {
      BpfProgram p = o.program("xdp_port_knock");
      String g = "192.0.2.14";
      String me = "192.0.2.1";
      run(p, Frames.udp4(g, me, 7000));
      Thread.sleep(20);
      run(p, Frames.udp4(g, me, 8000));
      run(p, Frames.udp4(g, me, 9000));
      assertEquals(XDP_DROP, run(p, Frames.tcp4(g, me, 2222)), "too slow: still closed");
    }
  }

  /** A variable's offset in a loaded object's section. */
  record OpenObjectOffsets(long offset) {
    OpenObjectOffsets(LoadedObject o, String section, String name) {
      this(o.object().dataSection(section).orElseThrow().variable(name).orElseThrow().offset());
    }
  }
}
