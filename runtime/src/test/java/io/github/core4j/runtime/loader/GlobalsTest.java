package io.github.core4j.runtime.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.feature.KernelRelease;
import io.github.core4j.runtime.prog.TestRunOptions;
import io.github.core4j.runtime.prog.TestRunResult;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * globals.bpf.c through the loader: its {@code syscall} program copies kconfig externs, .rodata,
 * .data, .bss and .rodata.limits values into its context, so a test run shows what the loader put
 * in every global data map; the tp_btf program shows the typeless {@code _stext} ksym.
 */
@ExtendWith(NoFdLeaks.class)
class GlobalsTest {
  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  /** struct snapshot of globals.bpf.c, as the program filled it. */
  record Snapshot(
      int kernelVersion,
      int hz,
      int bpfLsm,
      int clsBpf,
      int noSuchOption,
      int verbose,
      String hostname,
      long generation,
      long calls,
      int maxBytes,
      int firstPort) {
    static final int SIZE = 56;

    static Snapshot of(byte[] b) {
      ByteBuffer s = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
      byte[] host = new byte[16];
      s.get(12, host);
      int len = 0;
      while (len < host.length && host[len] != 0) {
        len++;
      }
      return new Snapshot(
          s.getInt(0),
          s.getInt(4),
          s.get(8),
          s.get(9),
          s.get(10),
          s.get(11),
          new String(host, 0, len, StandardCharsets.UTF_8),
          s.getLong(32),
          s.getLong(40),
          s.getInt(48),
          Short.toUnsignedInt(s.getShort(52)));
    }
  }

  static Snapshot snapshot(LoadedObject o) {
    TestRunResult r =
        o.program("snapshot_globals")
            // syscall programs take no repeat count (the kernel refuses one with EINVAL)
            .testRun(new TestRunOptions(new byte[0], 0, new byte[Snapshot.SIZE], 0, 0, 0));
    assertEquals(0, r.returnValue(), "LINUX_KERNEL_VERSION >= 5.14");
    return Snapshot.of(r.context());
  }

  /** The running kernel's config, read independently of the loader. */
  static Map<String, String> kernelConfig() {
    KernelRelease k = KernelRelease.current();
    return KernelConfig.read(KernelConfig.candidates(k.release()))
        .orElseGet(
            () -> {
              Kernel.kernelLacks("a kernel config (/boot/config-*, /proc/config.gz)");
              return Map.of();
            });
  }

  @Test
  void kconfigExternsHoldTheRunningKernelsValues() {
    Map<String, String> config = kernelConfig();
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("globals")).load()) {
      Snapshot s = snapshot(o);
      assertEquals(KernelRelease.current().code(), s.kernelVersion());
      assertEquals(Integer.parseInt(config.getOrDefault("CONFIG_HZ", "0")), s.hz());
      assertEquals("y".equals(config.get("CONFIG_BPF_LSM")) ? 1 : 0, s.bpfLsm());
      String cls = config.getOrDefault("CONFIG_NET_CLS_BPF", "n");
      assertEquals(cls.equals("y") ? 1 : cls.equals("m") ? 2 : 0, s.clsBpf());
      assertEquals(0, s.noSuchOption(), "weak and unknown: zero");
      String host = config.getOrDefault("CONFIG_DEFAULT_HOSTNAME", "\"\"");
      assertEquals(host.substring(1, host.length() - 1), s.hostname());
      int version =
          ((io.github.core4j.elf.object.KconfigExtern)
                  o.object().extern("LINUX_KERNEL_VERSION").orElseThrow())
              .offset();
      assertEquals(
          KernelRelease.current().code(),
          o.globalData(".kconfig").get(ValueLayout.JAVA_INT_UNALIGNED, version),
          ".kconfig readable from user space too");
    }
  }

  @Test
  void dataAndRodataStartWithTheObjectsValuesAndDataIsWritable() {
    try (LoadedObject o = ObjectLoader.open(TestObjects.object("globals")).load()) {
      Snapshot first = snapshot(o);
      assertEquals(42, first.generation(), ".data generation = 42");
      assertEquals(1, first.calls(), ".bss calls starts at 0");
      assertEquals(4096, first.maxBytes(), ".rodata.limits max_bytes");
      assertEquals(80, first.firstPort(), ".rodata.limits allowed_ports[0]");
      assertEquals(0, first.verbose());
      Snapshot second = snapshot(o);
      assertEquals(43, second.generation());
      assertEquals(2, second.calls());
      long generation = variable(o, ".data", "generation");
      assertEquals(44, o.globalData(".data").get(ValueLayout.JAVA_LONG_UNALIGNED, generation));
      o.globalData(".data").set(ValueLayout.JAVA_LONG_UNALIGNED, generation, 1000);
      assertEquals(1000, snapshot(o).generation(), "a write to live .data is seen by programs");
    }
  }

  @Test
  void valuesSetBeforeLoadAndKconfigOverridesReachThePrograms() {
    OpenObject open = ObjectLoader.open(TestObjects.object("globals"));
    long maxBytes =
        open.object()
            .dataSection(".rodata.limits")
            .orElseThrow()
            .variable("max_bytes")
            .orElseThrow()
            .offset();
    open.globalData(".rodata.limits").set(ValueLayout.JAVA_INT_UNALIGNED, maxBytes, 65536);
    long verbose =
        open.object()
            .dataSection(".rodata")
            .orElseThrow()
            .variable("verbose")
            .orElseThrow()
            .offset();
    open.globalData(".rodata").set(ValueLayout.JAVA_BYTE, verbose, (byte) 1);
    LoadOptions options =
        LoadOptions.defaults()
            .withKconfig("CONFIG_HZ", "1000")
            .withKconfig("CONFIG_CORE4J_NO_SUCH_OPTION", "y")
            .withKconfig("CONFIG_DEFAULT_HOSTNAME", "\"core4j-host\"");
    try (LoadedObject o = open.load(options)) {
      Snapshot s = snapshot(o);
      assertEquals(65536, s.maxBytes());
      assertEquals(1, s.verbose());
      assertEquals(1000, s.hz());
      assertEquals(1, s.noSuchOption());
      assertEquals("core4j-host", s.hostname());
    }
  }

  @Test
  void typelessKsymHoldsTheKallsymsAddress() throws Exception {
    long stext = 0;
    for (String line : Files.readAllLines(Path.of("/proc/kallsyms"))) {
      String[] f = line.split(" ", 4);
      if (f.length >= 3 && f[2].equals("_stext")) {
        stext = Long.parseUnsignedLong(f[0], 16);
        break;
      }
    }
    OpenObject open = ObjectLoader.open(TestObjects.object("globals"));
    try (LoadedObject o = open.load()) {
      o.attach("count_switches");
      long switches = variable(o, ".bss", "sched_seen");
      long base = variable(o, ".bss", "kernel_text_base");
      for (int i = 0;
          i < 50 && o.globalData(".bss").get(ValueLayout.JAVA_LONG_UNALIGNED, switches) == 0;
          i++) {
        Thread.sleep(10);
      }
      assertTrue(o.globalData(".bss").get(ValueLayout.JAVA_LONG_UNALIGNED, switches) > 0);
      assertEquals(stext, o.globalData(".bss").get(ValueLayout.JAVA_LONG_UNALIGNED, base));
    }
  }

  static long variable(LoadedObject o, String section, String name) {
    return o.object().dataSection(section).orElseThrow().variable(name).orElseThrow().offset();
  }
}
