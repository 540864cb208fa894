package io.github.core4j.runtime.link;

import static io.github.core4j.runtime.Bytes.asU64;
import static io.github.core4j.runtime.Bytes.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.Asm;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import io.github.core4j.runtime.perf.KprobePmu;
import io.github.core4j.runtime.perf.PerfEvent;
import io.github.core4j.runtime.perf.Tracefs;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.prog.ProgramSpec;
import io.github.core4j.runtime.sys.Libc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Programs attached to kernel events count this process's getpid() calls; the test makes the calls
 * through FFM and reads the counter.
 */
@ExtendWith(NoFdLeaks.class)
class TracingLinksTest {
  static final int CALLS = 25;
  static final String SYS_GETPID =
      System.getProperty("os.arch").equals("aarch64") ? "__arm64_sys_getpid" : "__x64_sys_getpid";

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  /** Counts into key 0 of {@code counter} when this process is current; returns 0. */
  static byte[] countThisProcess(BpfMap counter) {
    return new Asm()
        .onlyProcess(Libc.getpid(), "out")
        .incrementArray(counter.fd().value(), 0)
        .label("out")
        .ret(0)
        .bytes();
  }

  static BpfMap counter() {
    return BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 1).withName("calls"));
  }

  static long count(BpfMap counter) {
    return asU64(counter.lookup(u32(0)).orElseThrow());
  }

  static void callGetpid(int n) {
    for (int i = 0; i < n; i++) {
      Libc.getpid();
    }
  }

  @Test
  void tracepointProgramCountsGetpidCalls() {
    Kernel.requireTracefs();
    try (BpfMap calls = counter();
        BpfProgram prog =
            BpfProgram.load(ProgramSpec.of(ProgramType.TRACEPOINT, countThisProcess(calls)))) {
      try (PerfEventLink link = TracepointAttach.attach(prog, "syscalls", "sys_enter_getpid")) {
        callGetpid(CALLS);
        assertEquals(CALLS, count(calls));
        assertTrue(link.describe().contains("syscalls/sys_enter_getpid"));
      }
      callGetpid(CALLS); // detached: no longer counted
      assertEquals(CALLS, count(calls));
    }
  }

  @Test
  void tracepointAttachedThePreLinkWayCountsToo() {
    Kernel.requireTracefs();
    try (BpfMap calls = counter();
        BpfProgram prog =
            BpfProgram.load(ProgramSpec.of(ProgramType.TRACEPOINT, countThisProcess(calls)))) {
      long id = Tracefs.tracepointId("syscalls", "sys_enter_getpid");
      try (PerfEventLink link =
          PerfEventLink.attachWithIoctl(
              prog, PerfEvent.tracepoint(id, "sys_enter_getpid"), "ioctl attach")) {
        assertTrue(link.bpfLink() == null);
        callGetpid(CALLS);
        assertEquals(CALLS, count(calls));
      }
      callGetpid(CALLS);
      assertEquals(CALLS, count(calls), "closing disables the event");
    }
  }

  @Test
  void missingTracepointIsENOENT() {
    Kernel.requireTracefs();
    try (BpfMap calls = counter();
        BpfProgram prog =
            BpfProgram.load(ProgramSpec.of(ProgramType.TRACEPOINT, countThisProcess(calls)))) {
      BpfException e =
          assertThrows(
              BpfException.class, () -> TracepointAttach.attach(prog, "syscalls", "no_such_tp"));
      assertTrue(e.is(Errno.ENOENT));
    }
  }

  @Test
  void rawTracepointProgramCountsSysEnter() {
    try (BpfMap calls = counter();
        BpfProgram prog =
            BpfProgram.load(ProgramSpec.of(ProgramType.RAW_TRACEPOINT, countThisProcess(calls)))) {
      try (BpfLink link = RawTracepointAttach.attach(prog, "sys_enter")) {
        long before = count(calls);
        callGetpid(CALLS);
        // every syscall of this process counts, including the JVM's own: at least our calls
        assertTrue(count(calls) - before >= CALLS, "counted " + (count(calls) - before));
        assertEquals(LinkType.RAW_TRACEPOINT, link.info().type());
      }
    }
  }

  @Test
  void tpBtfProgramAttachesByVmlinuxTypeId() {
    int id = KernelBtfIds.forTarget(AttachType.TRACE_RAW_TP, "sys_enter");
    try (BpfMap calls = counter()) {
      BpfProgram prog;
      try {
        prog =
            BpfProgram.load(
                ProgramSpec.of(ProgramType.TRACING, countThisProcess(calls))
                    .withExpectedAttachType(AttachType.TRACE_RAW_TP)
                    .withAttachBtfId(id, 0));
      } catch (BpfException e) {
        Kernel.kernelLacks("tp_btf program loads: " + e.getMessage());
        return;
      }
      try (prog;
          BpfLink link = TracingAttach.attach(prog)) {
        callGetpid(CALLS);
        assertTrue(count(calls) >= CALLS, "counted " + count(calls));
        // tp_btf attaches through a raw tracepoint link
        assertEquals(LinkType.RAW_TRACEPOINT, link.info().type());
      }
    }
  }

  @Test
  void fentryNeedsTrampolinesAndSaysSoWhenTheyAreMissing() {
    int id = KernelBtfIds.forTarget(AttachType.TRACE_FENTRY, "__do_sys_getpid");
    try (BpfMap calls = counter()) {
      BpfProgram prog;
      try {
        prog =
            BpfProgram.load(
                ProgramSpec.of(ProgramType.TRACING, countThisProcess(calls))
                    .withExpectedAttachType(AttachType.TRACE_FENTRY)
                    .withAttachBtfId(id, 0));
      } catch (BpfException e) {
        // This sandboxed kernel refuses trampolines: the failure must name the command and errno.
        assertEquals("BPF_PROG_LOAD", e.operation());
        assertTrue(e.is(Errno.EPERM) || e.is(Errno.ENOTSUPP) || e.is(Errno.EINVAL), e.getMessage());
        Kernel.kernelLacks("fentry (BPF trampolines): " + e.errnoName());
        return;
      }
      try (prog;
          BpfLink link = TracingAttach.attach(prog)) {
        callGetpid(CALLS);
        assertEquals(CALLS, count(calls));
      }
    }
  }

  @Test
  void kprobeCountsCallsOfAKernelFunction() {
    if (KprobePmu.find().isEmpty()) {
      try (BpfMap calls = counter();
          BpfProgram prog =
              BpfProgram.load(ProgramSpec.of(ProgramType.KPROBE, countThisProcess(calls)))) {
        BpfException e =
            assertThrows(BpfException.class, () -> KprobeAttach.kprobe(prog, SYS_GETPID, 0));
        assertTrue(e.getMessage().contains("no kprobe PMU"), e.getMessage());
      }
      Kernel.kernelLacks("a kprobe PMU (" + KprobePmu.SYSFS + ")");
      return;
    }
    try (BpfMap calls = counter();
        BpfProgram prog =
            BpfProgram.load(ProgramSpec.of(ProgramType.KPROBE, countThisProcess(calls)));
        PerfEventLink link = KprobeAttach.kprobe(prog, SYS_GETPID, 0)) {
      callGetpid(CALLS);
      assertEquals(CALLS, count(calls));
    }
  }
}
