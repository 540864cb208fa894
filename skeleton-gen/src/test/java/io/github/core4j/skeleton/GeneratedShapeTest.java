package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The shape of generated skeletons that applications rely on: anonymous types named after their
 * path, program handles by program type, map views by map type.
 */
class GeneratedShapeTest {
  /**
   * The generated source with every run of whitespace made one space (line breaks do not matter).
   */
  private static String source(String object) {
    return TestObjects.generate(TestObjects.path(object), "shape")
        .javaSource()
        .replaceAll("\\s+", " ")
        .replace("( ", "(");
  }

  @Test
  void anonymousTypesAreNamedAfterWhereTheyAreUsed() {
    String ringbuf = source("ringbuf_events.bpfel.o");
    assertTrue(ringbuf.contains("public record Event(long ts, int kind, ProcIds ids"), ringbuf);
    int event = ringbuf.indexOf("public record Event(");
    assertTrue(ringbuf.indexOf("public static final class U {", event) > event, "Event.U in Event");
    String globals = source("globals.bpfel.o");
    assertTrue(globals.contains("public record CpuRange(short lo, short hi)"));
    assertTrue(
        globals.contains(
            "public record SchedSeen(long switches, long preemptions, long[] samples)"));
  }

  @Test
  void programHandlesFollowTheProgramType() {
    assertTrue(source("xdp_filter.bpfel.o").contains("public XdpProgram xdpFilter()"));
    String globals = source("globals.bpfel.o");
    assertTrue(globals.contains("public RunnableProgram snapshotGlobals()"), "syscall: test_run");
    assertTrue(globals.contains("public AttachableProgram countSwitches()"), "tp_btf: attach");
  }

  @Test
  void mapViewsFollowTheMapType() {
    String xdp = source("xdp_filter.bpfel.o");
    assertTrue(xdp.contains("public TypedMap<V4RuleKey, Integer> blocklistV4()"));
    assertTrue(xdp.contains("public TypedPerCpuArrayMap<DropStats> dropCounters()"));
    String maps = source("maps_basic.bpfel.o");
    assertTrue(maps.contains("public TypedQueue<Long> tsQueue()"), maps);
    assertTrue(
        maps.contains("public TypedRingBuffer<byte[]> pktRing()"), "no struct named like it");
    assertTrue(source("ringbuf_events.bpfel.o").contains("public TypedRingBuffer<Event> events()"));
  }

  @Test
  void rodataSettersSayTheyWorkBeforeLoadOnly() {
    String xdp = source("xdp_filter.bpfel.o");
    assertTrue(xdp.contains("writableGlobalData(\".rodata\", true)"));
    assertTrue(xdp.contains("Before load only: throws {@link IllegalStateException} after."));
    assertTrue(xdp.contains("writableGlobalData(\".bss\", false)"));
  }
}
