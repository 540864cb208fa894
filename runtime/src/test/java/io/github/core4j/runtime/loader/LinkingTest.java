package io.github.core4j.runtime.loader;

import static io.github.core4j.runtime.loader.Frames.XDP_DROP;
import static io.github.core4j.runtime.loader.Frames.XDP_PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.map.BpfMap;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the loader links: {@code .text} subprograms appended to each program (static, global,
 * hidden, {@code bpf_loop} and {@code bpf_for_each_map_elem} callbacks), {@code ?} sections off by
 * default, statically initialised map-in-map slots and a {@code prog_array} slot used by a tail
 * call.
 */
@ExtendWith(NoFdLeaks.class)
class LinkingTest {
  static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  static long bss(LoadedObject o, String name) {
    long off = o.object().dataSection(".bss").orElseThrow().variable(name).orElseThrow().offset();
    return o.globalData(".bss").get(U64, off);
  }

  static long sum(BpfMap array, int entries) {
    long s = 0;
    for (int i = 0; i < entries; i++) {
      byte[] v = array.lookup(XdpProgramsTest.u32(i)).orElseThrow();
      s += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong(0);
    }
    return s;
  }

  @Test
  void subprogramsAndCallbacksRunInEveryProgramThatUsesThem() {
    OpenObject open = ObjectLoader.open(TestObjects.object("subprogs"));
    assertFalse(open.autoload("xdp_optional"), "?xdp starts off");
    try (LoadedObject o = open.load()) {
      assertFalse(o.programs().containsKey("xdp_optional"));
      byte[] runt = Frames.udp4("10.0.0.1", "10.0.0.2", 53); // 46 bytes: a runt
      byte[] big = new byte[100];
      System.arraycopy(runt, 0, big, 0, runt.length);
      assertEquals(XDP_DROP, o.program("xdp_drop_runts").testRun(runt).returnValue());
      assertEquals(XDP_PASS, o.program("xdp_drop_runts").testRun(big).returnValue());
      assertEquals(XDP_PASS, o.program("xdp_count").testRun(big).returnValue());
      assertEquals(100, bss(o, "total_len"), "global function xdp_frame_len");
      assertEquals(XDP_PASS, o.program("xdp_hash_loop").testRun(big).returnValue());
      assertEquals(3, sum(o.map("buckets"), 16), "one count per program run above");
      assertEquals(3, bss(o, "bucket_sum"), "bpf_for_each_map_elem callback summed the buckets");
    }
    open.autoload("xdp_optional", true);
    try (LoadedObject o = open.load()) {
      assertEquals(XDP_PASS, o.program("xdp_optional").testRun(new byte[64]).returnValue());
    }
  }

  @Test
  void staticSlotsHoldTheirMapsAndTheTailCallTarget() {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("maps_nested")).load()) {
      int even = o.map("counters_even").info().id();
      int odd = o.map("counters_odd").info().id();
      BpfMap sets = o.map("counter_sets");
      assertEquals(even, u32(sets.lookup(XdpProgramsTest.u32(0)).orElseThrow()));
      assertEquals(odd, u32(sets.lookup(XdpProgramsTest.u32(1)).orElseThrow()));
      byte[] frame = new byte[64];
      byte[] udp = Frames.udp4("10.0.0.1", "10.0.0.2", 53);
      System.arraycopy(udp, 0, frame, 0, udp.length);
      o.program("tc_dispatch").testRun(frame);
      assertEquals(1, bss(o, "tail_calls"), "tail call through jump_table's static slot");
      assertEquals(0, bss(o, "tail_call_misses"));
      assertEquals(1, sum(o.map("counters_even"), 4) + sum(o.map("counters_odd"), 4));
      assertTrue(o.maps().containsKey("clones_by_process"));
    }
  }

  static int u32(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt(0);
  }
}
