package io.github.core4j.runtime.btf;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.Asm;
import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.attr.ProgLoadAttr;
import io.github.core4j.runtime.sys.Libc;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The verifier-log protocol against the real kernel: no log when not needed, growth on ENOSPC. */
class KernelLogTest {
  static byte[] longProgram() {
    Asm a = new Asm();
    for (int i = 0; i < 40; i++) {
      a.movImm(Asm.R0, i).addImm(Asm.R0, 1);
    }
    return a.ret(2).bytes();
  }

  static KernelLog.Outcome load(int level, int initialSize, AtomicInteger attempts) {
    byte[] insns = longProgram();
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment code = arena.allocate(insns.length, 8);
      MemorySegment.copy(insns, 0, code, ValueLayout.JAVA_BYTE, 0, insns.length);
      ProgLoadAttr attr =
          new ProgLoadAttr(arena)
              .progType(ProgramType.XDP.value())
              .insns(code)
              .license(arena.allocateFrom("GPL"));
      KernelLog.Outcome o =
          KernelLog.run(
              level,
              initialSize,
              new KernelLog.Attempt() {
                @Override
                public long load(int logLevel, MemorySegment buffer) {
                  attempts.incrementAndGet();
                  attr.log(logLevel, buffer);
                  return Syscall.bpf(BpfCommand.PROG_LOAD, attr.segment(), attr.size());
                }

                @Override
                public int trueSize() {
                  return attr.logTrueSize();
                }
              });
      if (o.ok()) {
        Libc.close((int) o.result());
      }
      return o;
    }
  }

  @Test
  void successfulLoadWithoutLogLevelCollectsNoLog() {
    Kernel.requireRoot();
    AtomicInteger attempts = new AtomicInteger();
    KernelLog.Outcome o = load(0, 128, attempts);
    assertTrue(o.ok());
    assertNull(o.log());
    assertTrue(attempts.get() == 1);
  }

  @Test
  void tooSmallLogBufferGrowsUntilTheLogFits() {
    Kernel.requireRoot();
    AtomicInteger attempts = new AtomicInteger();
    KernelLog.Outcome o = load(2, 128, attempts);
    assertTrue(o.ok(), "load result " + o.result());
    assertTrue(attempts.get() >= 2, "attempts: " + attempts.get());
    assertTrue(o.log() != null && o.log().contains("processed 82 insns"), o.log());
  }
}
