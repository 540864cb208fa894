package io.github.core4j.runtime.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.core4j.runtime.perf.PerfEventAttr;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import org.junit.jupiter.api.Test;

/**
 * The attr layouts put every field where {@code include/uapi/linux/bpf.h} and {@code perf_event.h}
 * do (offsets as pahole prints them for the kernel's structs).
 */
class AttrLayoutTest {
  static long at(StructLayout l, String field) {
    return l.byteOffset(PathElement.groupElement(field));
  }

  @Test
  void mapCreate() {
    StructLayout l = MapCreateAttr.LAYOUT;
    assertEquals(24, at(l, "numa_node"));
    assertEquals(28, at(l, "map_name"));
    assertEquals(44, at(l, "map_ifindex"));
    assertEquals(48, at(l, "btf_fd"));
    assertEquals(64, at(l, "map_extra"));
    assertEquals(76, at(l, "map_token_fd"));
  }

  @Test
  void mapElemAndBatch() {
    assertEquals(8, at(MapElemAttr.LAYOUT, "key"));
    assertEquals(16, at(MapElemAttr.LAYOUT, "value_or_next_key"));
    assertEquals(24, at(MapElemAttr.LAYOUT, "flags"));
    assertEquals(32, at(MapBatchAttr.LAYOUT, "count"));
    assertEquals(36, at(MapBatchAttr.LAYOUT, "map_fd"));
    assertEquals(48, at(MapBatchAttr.LAYOUT, "flags"));
  }

  @Test
  void progLoad() {
    StructLayout l = ProgLoadAttr.LAYOUT;
    assertEquals(32, at(l, "log_buf"));
    assertEquals(48, at(l, "prog_name"));
    assertEquals(68, at(l, "expected_attach_type"));
    assertEquals(80, at(l, "func_info"));
    assertEquals(96, at(l, "line_info"));
    assertEquals(108, at(l, "attach_btf_id"));
    assertEquals(112, at(l, "attach_prog_fd"));
    assertEquals(120, at(l, "fd_array"));
    assertEquals(140, at(l, "log_true_size"));
    assertEquals(152, l.byteSize());
  }

  @Test
  void testRunBtfLinkAndOthers() {
    assertEquals(48, at(TestRunAttr.LAYOUT, "ctx_in"));
    assertEquals(64, at(TestRunAttr.LAYOUT, "flags"));
    assertEquals(72, at(TestRunAttr.LAYOUT, "batch_size"));
    assertEquals(28, at(BtfLoadAttr.LAYOUT, "btf_log_true_size"));
    assertEquals(16, at(LinkCreateAttr.LAYOUT, "tail_u32"));
    assertEquals(24, at(LinkCreateAttr.LAYOUT, "tail_u64"));
    assertEquals(64, LinkCreateAttr.LAYOUT.byteSize());
    assertEquals(8, at(ObjAttr.LAYOUT, "bpf_fd"));
    assertEquals(16, at(ObjAttr.LAYOUT, "path_fd"));
    assertEquals(8, at(ObjInfoAttr.LAYOUT, "info"));
    assertEquals(8, at(RawTracepointOpenAttr.LAYOUT, "prog_fd"));
  }

  @Test
  void perfEventAttrIsVersion5() {
    assertEquals(112, PerfEventAttr.LAYOUT.byteSize()); // PERF_ATTR_SIZE_VER5
    assertEquals(48, at(PerfEventAttr.LAYOUT, "wakeup_events"));
    assertEquals(56, at(PerfEventAttr.LAYOUT, "config1"));
    assertEquals(64, at(PerfEventAttr.LAYOUT, "config2"));
  }
}
