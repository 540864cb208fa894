package io.github.core4j.examples.xdpfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.examples.testkit.Frames;
import io.github.core4j.examples.xdpfilter.bpf.XdpFilter;
import io.github.core4j.examples.xdpfilter.bpf.XdpFilter.DropStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter's verdicts on crafted packets, run by the kernel through the generated skeleton
 * ({@code BPF_PROG_TEST_RUN}): what is dropped, what passes, and what is counted.
 */
class XdpFilterTest {
  static final int XDP_DROP = 1;
  static final int XDP_PASS = 2;

  static final String BLOCKED = "192.0.2.1";
  static final String PORT_BLOCKED = "192.0.2.2";
  static final String OTHER = "198.51.100.7";
  static final String BLOCKED6 = "2001:db8::1";
  static final String DST = "203.0.113.9";
  static final String DST6 = "2001:db8::99";

  private XdpFilter skel;

  @BeforeEach
  void load() {
    Root.require();
    skel = XdpFilter.open();
    skel.load();
    Rule.parse(0, BLOCKED).addTo(skel);
    Rule.parse(1, PORT_BLOCKED + ":53").addTo(skel);
    Rule.parse(2, "[" + BLOCKED6 + "]:443").addTo(skel);
  }

  @AfterEach
  void close() {
    if (skel != null) {
      skel.close();
    }
  }

  private int verdict(byte[] packet) {
    return skel.progs().xdpFilter().testRun(packet).returnValue();
  }

  @Test
  void packetsFromOtherSourcesPass() {
    assertEquals(XDP_PASS, verdict(Frames.udp(OTHER, 1234, DST, 53)));
    assertEquals(XDP_PASS, verdict(Frames.tcp(OTHER, 1234, DST, 443, Frames.SYN)));
  }

  @Test
  void aSourceBlockedOnEveryPortIsDroppedAndCounted() {
    byte[] udp = Frames.udp(BLOCKED, 1234, DST, 53);
    byte[] tcp = Frames.tcp(BLOCKED, 1234, DST, 80, Frames.SYN);

    assertEquals(XDP_DROP, verdict(udp));
    assertEquals(XDP_DROP, verdict(tcp));

    assertEquals(new DropStats(2, udp.length + tcp.length), XdpFilterApp.dropped(skel, 0));
    assertEquals(new DropStats(0, 0), XdpFilterApp.dropped(skel, 1));
  }

  @Test
  void aSourceBlockedOnOnePortPassesOnOthers() {
    assertEquals(XDP_DROP, verdict(Frames.udp(PORT_BLOCKED, 1234, DST, 53)));
    assertEquals(XDP_DROP, verdict(Frames.tcp(PORT_BLOCKED, 1234, DST, 53, Frames.SYN)));
    assertEquals(XDP_PASS, verdict(Frames.udp(PORT_BLOCKED, 1234, DST, 54)));
    assertEquals(2, XdpFilterApp.dropped(skel, 1).packets());
  }

  @Test
  void ipv6SourcesAreFilteredByAddressAndPort() {
    assertEquals(XDP_DROP, verdict(Frames.tcp(BLOCKED6, 1234, DST6, 443, Frames.SYN)));
    assertEquals(XDP_PASS, verdict(Frames.tcp(BLOCKED6, 1234, DST6, 80, Frames.SYN)));
    assertEquals(XDP_PASS, verdict(Frames.tcp("2001:db8::2", 1234, DST6, 443, Frames.SYN)));
    assertEquals(1, XdpFilterApp.dropped(skel, 2).packets());
  }

  @Test
  void aVlanTagDoesNotHideTheSource() {
    assertEquals(XDP_DROP, verdict(Frames.vlanTagged(Frames.udp(BLOCKED, 1, DST, 2), 42)));
  }

  @Test
  void truncatedPacketsPass() {
    byte[] full = Frames.udp(BLOCKED, 1234, DST, 53);
    assertEquals(XDP_PASS, verdict(Frames.truncated(full, 14 + 10)));
    assertEquals(0, XdpFilterApp.dropped(skel, 0).packets());
  }

  @Test
  void icmpPassesUnlessDropIcmpIsSetBeforeLoad() {
    assertEquals(XDP_PASS, verdict(Frames.ping(OTHER, DST)));
    assertEquals(0, skel.bss().icmpDropped());

    try (XdpFilter strict = XdpFilter.open()) {
      strict.rodata().dropIcmp(true);
      strict.load();
      assertEquals(
          XDP_DROP, strict.progs().xdpFilter().testRun(Frames.ping(OTHER, DST)).returnValue());
      assertEquals(
          XDP_DROP, strict.progs().xdpFilter().testRun(Frames.ping(BLOCKED6, DST6)).returnValue());
      assertEquals(2, strict.bss().icmpDropped());
    }
  }
}
