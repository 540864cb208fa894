package io.github.core4j.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.attr.MapElemAttr;
import io.github.core4j.runtime.feature.KernelRelease;
import java.lang.foreign.Arena;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The syscall layer's small pieces, no privileges needed. */
class SysTest {
  @Test
  void cpuListsParseLikeTheKernelWritesThem() {
    assertEquals(2, PossibleCpus.parse("0-1\n").cardinality());
    BitSet s = PossibleCpus.parse("0-3,5,7-8");
    assertEquals(7, s.cardinality());
    assertTrue(s.get(8) && !s.get(4));
    assertThrows(IllegalArgumentException.class, () -> PossibleCpus.parse("3-1"));
    assertTrue(PossibleCpus.count() >= 1);
  }

  @Test
  void archesHaveTheirSyscallNumbers() {
    assertEquals(321, Arch.of("amd64").bpfSyscall());
    assertEquals(280, Arch.of("aarch64").bpfSyscall());
    assertEquals(298, Arch.X86_64.perfEventOpenSyscall());
    assertEquals(12, Arch.X86_64.epollEventSize());
    assertEquals(16, Arch.AARCH64.epollEventSize());
    assertThrows(UnsupportedOperationException.class, () -> Arch.of("riscv64"));
  }

  @Test
  void errnoNamesAndDescriptions() {
    assertEquals("E2BIG", Errno.nameOf(7));
    assertEquals("Operation not permitted", Errno.describe(1));
    assertEquals("errno 4095", Errno.nameOf(4095));
  }

  @Test
  void bpfOnABadFdReturnsMinusEbadf() {
    try (Arena arena = Arena.ofConfined()) {
      MapElemAttr attr = new MapElemAttr(arena).mapFd(-1);
      long r = Syscall.bpf(BpfCommand.MAP_FREEZE, attr.segment(), attr.size());
      assertTrue(r == -Errno.EBADF.value() || r == -Errno.EPERM.value(), "result " + r);
    }
  }

  @Test
  void fdClosesExactlyOnce() {
    Fd fd = Libc.open("/proc/self/status", Libc.O_RDONLY);
    int n = fd.value();
    fd.close();
    fd.close();
    assertTrue(!fd.isOpen());
    assertThrows(IllegalStateException.class, fd::value);
    assertEquals(-Errno.EBADF.value(), Libc.close(n), "the number was closed once, by us");
  }

  @Test
  void kernelReleaseComparesMajorMinor() {
    KernelRelease k = KernelRelease.parse("5.4.0-42-generic");
    assertTrue(k.atLeast("4.20") && k.atLeast("5.4") && !k.atLeast("5.8"));
    assertEquals((5 << 16) + (4 << 8), k.code());
  }
}
