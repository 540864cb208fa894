package io.github.core4j.examples.portknock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.examples.portknock.bpf.PortKnock;
import io.github.core4j.examples.portknock.bpf.PortKnock.KnockStats;
import io.github.core4j.examples.testkit.Frames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The knock protocol on crafted packets run by the kernel through the generated skeleton ({@code
 * BPF_PROG_TEST_RUN}): the port stays closed until the right sequence, each knock is swallowed, a
 * wrong or slow knock starts over, and an open port closes after its quiet period.
 */
class PortKnockTest {
  static final int XDP_DROP = 1;
  static final int XDP_PASS = 2;
  static final String CLIENT = "192.0.2.10";
  static final String OTHER = "192.0.2.11";
  static final String CLIENT6 = "2001:db8::10";
  static final String SERVER = "203.0.113.1";
  static final String SERVER6 = "2001:db8::1";

  private PortKnock skel;

  private PortKnock load(KnockConfig config) {
    Root.require();
    skel = PortKnock.open();
    config.applyTo(skel);
    skel.load();
    return skel;
  }

  @AfterEach
  void close() {
    if (skel != null) {
      skel.close();
    }
  }

  private int udp(String src, int port) {
    String dst = src.contains(":") ? SERVER6 : SERVER;
    return skel.progs().xdpPortKnock().testRun(Frames.udp(src, 40000, dst, port)).returnValue();
  }

  private int tcp(String src, int port, int flags) {
    String dst = src.contains(":") ? SERVER6 : SERVER;
    return skel.progs()
        .xdpPortKnock()
        .testRun(Frames.tcp(src, 40000, dst, port, flags))
        .returnValue();
  }

  private void knock(String src, int... ports) {
    for (int p : ports) {
      assertEquals(XDP_DROP, udp(src, p), "knock packets are swallowed");
    }
  }

  @Test
  void theProtectedPortIsClosedUntilTheRightSequence() {
    load(KnockConfig.DEFAULTS);
    assertEquals(XDP_DROP, tcp(CLIENT, 2222, Frames.SYN));

    knock(CLIENT, 7000, 8000, 9000);

    assertEquals(XDP_PASS, tcp(CLIENT, 2222, Frames.SYN));
    assertEquals(XDP_PASS, udp(CLIENT, 2222));
    assertEquals(XDP_DROP, tcp(OTHER, 2222, Frames.SYN), "opened for the knocking source only");
    assertEquals(new KnockStats(3, 1, 2, 2), skel.bss().stats());
  }

  @Test
  void otherTrafficPassesUntouched() {
    load(KnockConfig.DEFAULTS);
    assertEquals(XDP_PASS, udp(CLIENT, 53));
    assertEquals(XDP_PASS, tcp(CLIENT, 443, Frames.SYN));
    assertEquals(
        XDP_PASS, skel.progs().xdpPortKnock().testRun(Frames.ping(CLIENT, SERVER)).returnValue());
    assertEquals(new KnockStats(0, 0, 0, 0), skel.bss().stats());
  }

  @Test
  void aWrongKnockStartsOver() {
    load(KnockConfig.DEFAULTS);
    knock(CLIENT, 7000, 9000, 8000);
    assertEquals(XDP_DROP, tcp(CLIENT, 2222, Frames.SYN));

    knock(CLIENT, 7000, 8000, 9000);
    assertEquals(XDP_PASS, tcp(CLIENT, 2222, Frames.SYN));
  }

  @Test
  void tcpKnocksCountOnlyAsSyns() {
    load(KnockConfig.DEFAULTS);
    assertEquals(XDP_DROP, tcp(CLIENT, 7000, Frames.SYN));
    assertEquals(
        XDP_DROP, tcp(CLIENT, 8000, Frames.ACK), "a stray segment is dropped, not counted");
    assertEquals(XDP_DROP, tcp(CLIENT, 8000, Frames.SYN));
    assertEquals(XDP_DROP, tcp(CLIENT, 9000, Frames.SYN));
    assertEquals(XDP_PASS, tcp(CLIENT, 2222, Frames.SYN | Frames.ACK));
    assertEquals(1, skel.bss().stats().opened());
  }

  @Test
  void ipv6SourcesKnockToo() {
    load(KnockConfig.DEFAULTS);
    knock(CLIENT6, 7000, 8000, 9000);
    assertEquals(XDP_PASS, tcp(CLIENT6, 2222, Frames.SYN));
    assertEquals(XDP_DROP, tcp(CLIENT, 2222, Frames.SYN));
  }

  @Test
  void aCustomSequenceAndPortFromRodata() {
    load(new KnockConfig(8443, List.of(1111, 2222), Duration.ofSeconds(5), Duration.ofSeconds(30)));
    assertEquals(XDP_DROP, tcp(CLIENT, 2222, Frames.SYN), "2222 is a knock port now: swallowed");
    knock(CLIENT, 1111);
    assertEquals(XDP_DROP, tcp(CLIENT, 8443, Frames.SYN));
    knock(CLIENT, 2222);
    assertEquals(XDP_PASS, tcp(CLIENT, 8443, Frames.SYN));
  }

  @Test
  void aSlowKnockStartsOver() throws InterruptedException {
    load(
        new KnockConfig(
            2222, List.of(7000, 8000, 9000), Duration.ofMillis(100), Duration.ofSeconds(30)));
    knock(CLIENT, 7000);
    Thread.sleep(250);
    knock(CLIENT, 8000, 9000);
    assertEquals(XDP_DROP, tcp(CLIENT, 2222, Frames.SYN));
    assertEquals(0, skel.bss().stats().opened());
  }

  @Test
  void anOpenPortClosesAfterItsQuietPeriod() throws InterruptedException {
    load(
        new KnockConfig(
            2222, List.of(7000, 8000, 9000), Duration.ofSeconds(5), Duration.ofMillis(100)));
    knock(CLIENT, 7000, 8000, 9000);
    assertEquals(XDP_PASS, tcp(CLIENT, 2222, Frames.SYN));
    Thread.sleep(250);
    assertEquals(XDP_DROP, tcp(CLIENT, 2222, Frames.SYN));
    assertTrue(skel.bss().stats().closedDrops() >= 1);
  }
}
