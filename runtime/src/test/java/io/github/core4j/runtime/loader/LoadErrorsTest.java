package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.feature.KernelRelease;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a failed load says, and that it leaves nothing behind: every test runs under {@link
 * NoFdLeaks}, so the fds created before the failure must all be closed.
 */
@ExtendWith(NoFdLeaks.class)
class LoadErrorsTest {
  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  @Test
  void reachablePoisonedRelocationNamesFieldSourceLineAndKernel() {
    OpenObject open = ObjectLoader.open(TestObjects.object("core_missing"));
    BpfException e = assertThrows(BpfException.class, () -> open.load().close());
    assertEquals("EINVAL", e.errnoName());
    String m = e.getMessage();
    assertTrue(m.contains("program 'unguarded_read'"), m);
    assertTrue(
        m.contains(
            "failed to resolve CO-RE relocation <byte_off> [17] struct"
                + " task_struct___core4j.core4j_cookie (0:0 @ offset 0)"),
        m);
    assertTrue(m.contains(" at core_missing.bpf.c:"), m);
    assertTrue(
        m.contains(
            "task_struct.core4j_cookie does not exist on kernel "
                + KernelRelease.current().release()),
        m);
    String log = e.verifierLog();
    assertNotNull(log);
    assertTrue(
        log.contains(": <invalid CO-RE relocation>\nfailed to resolve CO-RE relocation"), log);
    assertFalse(log.contains("unknown#195896080"), log);
  }

  @Test
  void givenTargetBtfIsWhatRelocationsAndMessagesUse() {
    java.nio.file.Path kernel61 =
        TestObjects.testdata().resolve("btf/kernels/6.1.0-50-amd64.btf.xz");
    OpenObject open = ObjectLoader.open(TestObjects.object("core_missing"));
    BpfException e =
        assertThrows(
            BpfException.class,
            () -> open.load(LoadOptions.defaults().withTargetBtf(kernel61)).close());
    assertTrue(
        e.getMessage().contains("does not exist on kernel 6.1.0-50-amd64.btf.xz"), e.getMessage());
    try (LoadedObject o =
        ObjectLoader.open(TestObjects.object("core_reads"))
            .load(
                LoadOptions.defaults()
                    .withTargetBtf(java.nio.file.Path.of("/sys/kernel/btf/vmlinux")))) {
      assertEquals(3, o.programs().size());
    }
  }

  @Test
  void guardedPoisonedRelocationsLoad() {
    OpenObject open = ObjectLoader.open(TestObjects.object("core_missing"));
    open.autoload("unguarded_read", false);
    try (LoadedObject loaded = open.load()) {
      assertEquals(java.util.Set.of("guarded_reads"), loaded.programs().keySet());
    }
  }

  @Test
  void verifierRejectionCarriesTheLog() {
    // read_runqueue reads a typed per-CPU ksym; this kernel has no CONFIG_KALLSYMS_ALL, so the
    // verifier cannot find its address (libbpf fails the same program with ENOENT)
    OpenObject open = ObjectLoader.open(TestObjects.object("ksyms"));
    BpfException e = assertThrows(BpfException.class, () -> open.load().close());
    if (!e.is(io.github.core4j.runtime.Errno.ENOENT)) {
      Kernel.kernelLacks("this test's expectation: no address for 'runqueues' (" + e + ")");
    }
    assertTrue(e.getMessage().contains("program 'read_runqueue'"), e.getMessage());
    assertNotNull(e.verifierLog());
    assertTrue(e.verifierLog().contains("runqueues"), e.verifierLog());
    assertTrue(e.getMessage().contains("verifier log:"), e.getMessage());
  }

  @Test
  void logLevelKeepsTheLogOfLoadedPrograms() {
    OpenObject open = ObjectLoader.open(TestObjects.object("xdp_filter"));
    try (LoadedObject loaded = open.load(LoadOptions.defaults().withLogLevel(1))) {
      String log = loaded.program("xdp_filter").verifierLog();
      assertNotNull(log);
      assertTrue(log.contains("processed"), log);
    }
  }

  @Test
  void pinnedMapIsReusedByTheNextLoad() throws Exception {
    try (PinRoot pins = PinRoot.create()) {
      LoadOptions options = LoadOptions.defaults().withPinRoot(pins.path());
      try (LoadedObject first = ObjectLoader.open(TestObjects.object("maps_basic")).load(options);
          LoadedObject second = ObjectLoader.open(TestObjects.object("maps_basic")).load(options)) {
        assertTrue(Files.exists(pins.path().resolve("recent_peers")));
        assertEquals(first.map("recent_peers").info().id(), second.map("recent_peers").info().id());
        assertTrue(first.map("route_hits").info().id() != second.map("route_hits").info().id());
      }
    }
  }

  @Test
  void incompatiblePinnedMapFailsTheLoad() throws Exception {
    try (PinRoot pins = PinRoot.create()) {
      try (BpfMap other = BpfMap.create(MapSpec.of(MapType.HASH, 4, 4, 16))) {
        other.pin(pins.path().resolve("recent_peers"));
      }
      OpenObject open = ObjectLoader.open(TestObjects.object("maps_basic"));
      BpfException e =
          assertThrows(
              BpfException.class,
              () -> open.load(LoadOptions.defaults().withPinRoot(pins.path())).close());
      assertTrue(e.getMessage().contains("couldn't reuse pinned map at"), e.getMessage());
      assertTrue(e.getMessage().contains("parameter mismatch"), e.getMessage());
    }
  }

  @Test
  void failedLoadUnpinsWhatItPinnedAndClosesItsMaps() throws Exception {
    try (PinRoot pins = PinRoot.create()) {
      // maps are created and pinned before CO-RE relocation, which fails on a missing target BTF
      OpenObject open = ObjectLoader.open(TestObjects.object("maps_basic"));
      LoadOptions options =
          LoadOptions.defaults()
              .withPinRoot(pins.path())
              .withTargetBtf(pins.path().resolve("no-such-kernel.btf"));
      RuntimeException e = assertThrows(RuntimeException.class, () -> open.load(options).close());
      assertTrue(e.getMessage().contains("no-such-kernel.btf"), e.getMessage());
      assertFalse(Files.exists(pins.path().resolve("recent_peers")));
    }
  }

  @Test
  void closingKeepsPinsAsLibbpfDoes() throws Exception {
    try (PinRoot pins = PinRoot.create()) {
      ObjectLoader.open(TestObjects.object("maps_basic"))
          .load(LoadOptions.defaults().withPinRoot(pins.path()))
          .close();
      assertTrue(Files.exists(pins.path().resolve("recent_peers")));
    }
  }

  @Test
  void objectBtfTheKernelRefusesIsDroppedAsLibbpfDoes() throws Exception {
    // struct drop_stats' member "packets" renamed "pack-ts": core4j reads the BTF, the kernel
    // refuses a member name that is not a C identifier (EINVAL)
    byte[] bytes = Files.readAllBytes(TestObjects.object("xdp_filter"));
    io.github.core4j.elf.ElfSection btf =
        io.github.core4j.elf.object.BpfObject.open(TestObjects.object("xdp_filter"))
            .elf()
            .section(".BTF")
            .orElseThrow();
    byte[] needle = "\0packets\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = -1;
    for (int i = (int) btf.offset(); i < btf.offset() + btf.size() - needle.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
        at = i;
        break;
      }
    }
    assertTrue(at > 0, "\"packets\" in .BTF strings");
    bytes[at + 5] = '-';
    try (LoadedObject o = ObjectLoader.open(bytes, "xdp_filter.bpf.o").load()) {
      assertEquals(0, o.map("blocklist_v4").info().btfId(), "maps created without BTF");
      assertEquals(
          Frames.XDP_PASS,
          o.program("xdp_filter").testRun(Frames.tcp4("10.0.0.1", "10.0.0.2", 80)).returnValue());
    }
  }

  @Test
  void pinRootOffBpffsIsRefusedWithAHint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    OpenObject open = ObjectLoader.open(TestObjects.object("maps_basic"));
    BpfException e =
        assertThrows(
            BpfException.class, () -> open.load(LoadOptions.defaults().withPinRoot(dir)).close());
    assertTrue(e.getMessage().contains("is not on a bpf filesystem"), e.getMessage());
    assertTrue(e.getMessage().contains("recent_peers"), e.getMessage());
  }

  @Test
  void reachableLoadOfAMapLeftOutNamesTheMap() {
    OpenObject open = ObjectLoader.open(TestObjects.object("xdp_filter"));
    open.autocreate("blocklist_v6", false);
    BpfException e = assertThrows(BpfException.class, () -> open.load().close());
    assertTrue(
        e.getMessage().contains("BPF map 'blocklist_v6' is referenced but wasn't created"),
        e.getMessage());
    assertTrue(e.verifierLog().contains(": <invalid BPF map reference>\n"), e.verifierLog());
  }

  @Test
  void mapLeftOutIsNotCreated() {
    OpenObject open = ObjectLoader.open(TestObjects.object("maps_nested"));
    open.autocreate("task_stats", false);
    open.autoload("on_task_newtask", false); // the only program that uses it
    try (LoadedObject o = open.load()) {
      assertFalse(o.maps().containsKey("task_stats"));
      assertTrue(o.maps().containsKey("sk_stats"));
    }
  }

  @Test
  void bigEndianObjectIsRefusedAtOpen() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ObjectLoader.open(TestObjects.testdata().resolve("bpf/out/xdp_filter.bpfeb.o")));
    assertTrue(e.getMessage().contains("big-endian"), e.getMessage());
  }

  @Test
  void sectionsWithoutATargetAreAttachedExplicitly() {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("xdp_filter")).load()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> o.attach("xdp_filter"));
      assertTrue(e.getMessage().contains("attachXdp"), e.getMessage());
      assertEquals(java.util.List.of(), o.attachAll(), "nothing to attach by section");
    }
  }

  @Test
  void refusedProgramIsExplainedByType() {
    OpenObject open = ObjectLoader.open(TestObjects.object("tracing_progs"));
    try {
      open.load().close();
      Kernel.kernelLacks("a kernel that refuses trampolines (this one loads fentry programs)");
    } catch (BpfException e) {
      assertTrue(e.subject().endsWith("(tracing)"), e.subject());
      assertTrue(
          io.github.core4j.runtime.feature.Explain.explain(e).contains("trampolines"),
          io.github.core4j.runtime.feature.Explain.explain(e));
    }
  }

  @Test
  void closedObjectRefusesUse() {
    LoadedObject loaded = ObjectLoader.open(TestObjects.object("xdp_filter")).load();
    loaded.close();
    loaded.close(); // exactly once: the second close does nothing
    assertThrows(IllegalStateException.class, () -> loaded.map("blocklist_v4"));
  }
}
