package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.events.RingBuffer;
import io.github.core4j.runtime.link.Link;
import io.github.core4j.runtime.perf.KprobePmu;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing objects loaded and attached by section through {@link ObjectLoader}: a tracepoint program
 * writes ring buffer records the test reads back, tp_btf and raw_tp programs (tp_btf_exec calls the
 * kfuncs bpf_task_acquire/release, resolved to vmlinux BTF ids) count events the test causes, and a
 * kprobe counts unlinkat calls where the kernel has a kprobe PMU.
 */
@ExtendWith(NoFdLeaks.class)
class TracingProgramsTest {
  static final int EVENT_OPEN = 2;
  static final int CNT_SWITCH = 0;
  static final int CNT_EXEC = 2;

  @TempDir Path temp;

  @BeforeEach
  void root() {
    Kernel.requireRoot();
    Kernel.requireTracefs();
  }

  static int offsetOf(Btf btf, String struct, String member) {
    int id = btf.findByName(struct, BtfKind.STRUCT).orElseThrow();
    for (BtfMember m : ((BtfStruct) btf.type(id)).members()) {
      if (m.name().equals(member)) {
        return m.bitOffset() / 8;
      }
    }
    throw new IllegalArgumentException(struct + "." + member);
  }

  @Test
  void tracepointProgramWritesRingBufferRecordsTheTestReadsBack() throws Exception {
    OpenObject open = ObjectLoader.open(TestObjects.object("ringbuf_events"));
    long tgidVar =
        open.object()
            .dataSection(".rodata")
            .orElseThrow()
            .variable("target_tgid")
            .orElseThrow()
            .offset();
    int pid = (int) ProcessHandle.current().pid();
    open.globalData(".rodata").set(ValueLayout.JAVA_INT_UNALIGNED, tgidVar, pid);
    Btf btf = open.object().btf().orElseThrow();
    int kindOff = offsetOf(btf, "event", "kind");
    int idsOff = offsetOf(btf, "event", "ids");
    int pathOff = offsetOf(btf, "event", "path");
    try (LoadedObject o = open.load();
        RingBuffer events = RingBuffer.open(o.map("events"))) {
      List<Link> links = o.attachAll();
      assertEquals(3, links.size(), "three tracepoint programs");
      Path file = temp.resolve("core4j-ringbuf-probe");
      Files.writeString(file, "x");
      for (int i = 0; i < 3; i++) {
        Files.readString(file);
      }
      List<String> opened = new ArrayList<>();
      for (int round = 0; round < 20 && opened.size() < 3; round++) {
        events.poll(
            Duration.ofMillis(100),
            (MemorySegment r) -> {
              ByteBuffer b = r.asByteBuffer().order(ByteOrder.nativeOrder());
              int tgid = b.getInt(idsOff + 4);
              if (b.getInt(kindOff) == EVENT_OPEN && tgid == pid) {
                byte[] path = new byte[64];
                b.get(pathOff, path);
                int len = 0;
                while (len < path.length && path[len] != 0) {
                  len++;
                }
                String p = new String(path, 0, len, StandardCharsets.UTF_8);
                if (p.equals(file.toString())) {
                  opened.add(p);
                }
              }
            });
      }
      assertTrue(opened.size() >= 3, "openat records for " + file + ": " + opened);
    }
  }

  @Test
  void tpBtfAndRawTpProgramsCountExecsAndSwitches() throws Exception {
    OpenObject open = ObjectLoader.open(TestObjects.object("tracing_progs"));
    for (String p : List.of("kprobe_unlinkat", "kretprobe_unlinkat", "fentry_unlinkat")) {
      open.autoload(p, false);
    }
    for (String p : List.of("fexit_unlinkat", "lsm_file_open", "perf_sample")) {
      open.autoload(p, false);
    }
    try (LoadedObject o = open.load()) {
      o.attach("tp_btf_exec");
      o.attach("raw_tp_switch");
      for (int i = 0; i < 3; i++) {
        new ProcessBuilder("true").start().waitFor();
      }
      Thread.sleep(20);
      assertTrue(counter(o, CNT_EXEC) >= 3, "execs: " + counter(o, CNT_EXEC));
      assertTrue(counter(o, CNT_SWITCH) > 0, "switches");
    }
  }

  static long counter(LoadedObject o, int which) {
    byte[] key = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(which).array();
    long sum = 0;
    for (byte[] v : o.map("counters").lookupPerCpu(key).orElseThrow()) {
      sum += ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getLong(0);
    }
    return sum;
  }

  @Test
  void kprobeOnTheUnlinkPathCountsCalls() throws Exception {
    OpenObject open = ObjectLoader.open(TestObjects.object("tracing_progs"));
    for (String p : List.of("fentry_unlinkat", "fexit_unlinkat", "lsm_file_open")) {
      open.autoload(p, false);
    }
    try (LoadedObject o = open.load()) {
      if (KprobePmu.find().isEmpty()) {
        BpfException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                BpfException.class, () -> o.attach("kprobe_unlinkat"));
        assertTrue(e.getMessage().contains("no kprobe PMU"), e.getMessage());
        Kernel.kernelLacks("a kprobe PMU: the kprobe programs load but cannot attach");
      }
      o.attach("kprobe_unlinkat");
      o.attach("kretprobe_unlinkat");
      int n = 5;
      for (int i = 0; i < n; i++) {
        Path f = Files.createFile(temp.resolve("unlink-" + i));
        Files.delete(f);
      }
      byte[] key =
          ByteBuffer.allocate(4)
              .order(ByteOrder.nativeOrder())
              .putInt((int) ProcessHandle.current().pid())
              .array();
      byte[] stat = o.map("unlink_stats").lookup(key).orElseThrow();
      long calls = ByteBuffer.wrap(stat).order(ByteOrder.nativeOrder()).getLong(0);
      assertTrue(calls >= n, "unlinkat calls counted: " + calls);
    }
  }
}
