package io.github.core4j.skeleton;

import static io.github.core4j.skeleton.Packets.XDP_DROP;
import static io.github.core4j.skeleton.Packets.XDP_PASS;
import static io.github.core4j.skeleton.Packets.addr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.runtime.prog.TestRunResult;
import io.github.core4j.skeleton.golden.Globals;
import io.github.core4j.skeleton.golden.RingbufEvents;
import io.github.core4j.skeleton.golden.XdpFilter;
import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated skeletons against the running kernel (root): typed maps steer the XDP filter's verdicts
 * on crafted packets, a {@code .rodata} knob set before load changes behaviour and is frozen after,
 * {@code .bss}/{@code .data} counters read back, and ring buffer records arrive as typed events.
 */
class SkeletonKernelTest {
  private static final byte[] BLOCKED = addr(10, 0, 0, 1);
  private static final byte[] OTHER = addr(10, 0, 0, 9);
  private static final byte[] DST = addr(10, 0, 0, 2);

  @BeforeEach
  void root() {
    Oracle.requireRoot();
  }

  @Test
  void blockedSourcesAreDroppedAndCountedPerRule() {
    try (XdpFilter skel = XdpFilter.open()) {
      skel.load();
      var key =
          new XdpFilter.V4RuleKey(
              Packets.be32(BLOCKED, XdpFilter.BYTE_ORDER),
              Packets.be16(53, XdpFilter.BYTE_ORDER),
              (short) 0);
      skel.maps().blocklistV4().update(key, 7);
      assertEquals(7, skel.maps().blocklistV4().lookup(key).orElseThrow());

      var filter = skel.progs().xdpFilter();
      assertEquals(XDP_DROP, filter.testRun(Packets.udp(BLOCKED, DST, 53)).returnValue());
      assertEquals(XDP_PASS, filter.testRun(Packets.udp(BLOCKED, DST, 54)).returnValue());
      assertEquals(XDP_PASS, filter.testRun(Packets.udp(OTHER, DST, 53)).returnValue());

      List<XdpFilter.DropStats> perCpu = skel.maps().dropCounters().get(7);
      assertEquals(1, perCpu.stream().mapToLong(XdpFilter.DropStats::packets).sum());
      assertEquals(
          Packets.udp(BLOCKED, DST, 53).length,
          perCpu.stream().mapToLong(XdpFilter.DropStats::bytes).sum());
      assertEquals(List.of(key), skel.maps().blocklistV4().keys().toList());
    }
  }

  @Test
  void rodataKnobSetBeforeLoadDropsIcmpAndBssCountsIt() {
    try (XdpFilter skel = XdpFilter.open()) {
      skel.rodata().dropIcmp(true);
      skel.load();
      var filter = skel.progs().xdpFilter();
      assertEquals(XDP_DROP, filter.testRun(Packets.icmp(OTHER, DST)).returnValue());
      assertEquals(XDP_DROP, filter.testRun(Packets.icmp(OTHER, DST)).returnValue());
      assertEquals(2L, skel.bss().icmpDropped());
      assertTrue(skel.rodata().dropIcmp());
      IllegalStateException frozen =
          assertThrows(IllegalStateException.class, () -> skel.rodata().dropIcmp(false));
      assertTrue(frozen.getMessage().contains("frozen"), frozen.getMessage());
    }
  }

  @Test
  void withoutTheKnobIcmpPasses() {
    try (XdpFilter skel = XdpFilter.open()) {
      skel.load();
      assertEquals(
          XDP_PASS, skel.progs().xdpFilter().testRun(Packets.icmp(OTHER, DST)).returnValue());
      assertEquals(0L, skel.bss().icmpDropped());
    }
  }

  @Test
  void syscallProgramUpdatesDataAndBssThatJavaReadsBack() {
    try (Globals skel = Globals.open()) {
      skel.data().generation(100);
      skel.load();
      byte[] snapshot = new byte[56]; // struct snapshot
      TestRunResult r = skel.progs().snapshotGlobals().testRun(snapshot);
      assertEquals(0, r.returnValue());
      long generationSeen =
          java.nio.ByteBuffer.wrap(r.context()).order(Globals.BYTE_ORDER).getLong(32);
      assertEquals(100L, generationSeen, "the program read the .data value set before load");
      assertEquals(101L, skel.data().generation());
      assertEquals(1L, skel.bss().calls());
      assertEquals(0, skel.data().lastError());
      skel.bss().calls(41);
      skel.progs().snapshotGlobals().testRun(snapshot);
      assertEquals(42L, skel.bss().calls());
    }
  }

  @Test
  void ringBufferRecordsArriveAsTypedEvents(@TempDir Path dir) throws IOException {
    try (RingbufEvents skel = RingbufEvents.open()) {
      skel.rodata().targetTgid((int) ProcessHandle.current().pid());
      skel.load();
      var link = skel.progs().traceOpenat().attach();
      assertEquals(List.of(link), skel.links());
      Path file = Files.writeString(dir.resolve("core4j-skeleton-probe"), "x");
      Files.readString(file);
      List<RingbufEvents.Event> events = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (events.stream().noneMatch(e -> e.pathString().endsWith("core4j-skeleton-probe"))
          && System.nanoTime() < deadline) {
        skel.maps().events().poll(Duration.ofMillis(100), events::add);
      }
      RingbufEvents.Event open =
          events.stream()
              .filter(e -> e.pathString().endsWith("core4j-skeleton-probe"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no open event among " + events.size()));
      assertEquals(RingbufEvents.EventKind.EVENT_OPEN, open.kindEnum());
      assertEquals(ProcessHandle.current().pid(), open.ids().tgid());
      assertEquals(1, open.level());
      assertEquals(1, open.isRoot());
    }
  }
}
