package io.github.core4j.runtime.prog;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.attr.ProgLoadAttr;
import io.github.core4j.runtime.btf.KernelLog;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code BPF_PROG_LOAD}: a {@link ProgramSpec} into a program fd, with the verifier-log protocol of
 * {@link KernelLog} and libbpf's retry of loads the kernel answers with EAGAIN.
 */
final class ProgramLoad {
  /** libbpf retries EAGAIN this many times. */
  private static final int EAGAIN_ATTEMPTS = 5;

  private ProgramLoad() {}

  record Loaded(Fd fd, @Nullable String log) {}

  static Loaded load(ProgramSpec spec) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment insns = arena.allocate(spec.instructions().length, 8);
      MemorySegment.copy(
          spec.instructions(), 0, insns, ValueLayout.JAVA_BYTE, 0, spec.instructions().length);
      ProgLoadAttr attr =
          new ProgLoadAttr(arena)
              .progType(spec.type().value())
              .insns(insns)
              .license(arena.allocateFrom(spec.license()))
              .progName(spec.name())
              .progFlags(spec.flags())
              .kernVersion(spec.kernVersion())
              .progIfindex(spec.ifindex())
              .attachBtfId(spec.attachBtfId())
              .attachFd(spec.attachBtfObjFd());
      if (!spec.fdArray().isEmpty()) {
        MemorySegment fds = arena.allocate(4L * spec.fdArray().size(), 8);
        for (int i = 0; i < spec.fdArray().size(); i++) {
          fds.set(ValueLayout.JAVA_INT, 4L * i, spec.fdArray().get(i));
        }
        attr.fdArray(fds);
      }
      AttachType expected = spec.expectedAttachType();
      if (expected != null) {
        attr.expectedAttachType(expected.value());
      }
      LoadedBtf btf = spec.btf();
      if (btf != null) {
        attr.progBtfFd(btf.fd().value());
        if (!spec.funcInfo().isEmpty()) {
          attr.funcInfo(funcInfo(arena, spec.funcInfo()), FuncInfo.SIZE);
        }
        if (!spec.lineInfo().isEmpty()) {
          attr.lineInfo(lineInfo(arena, spec.lineInfo()), LineInfo.SIZE);
        }
      }
      KernelLog.Outcome outcome =
          KernelLog.run(
              spec.logLevel(),
              new KernelLog.Attempt() {
                @Override
                public long load(int level, MemorySegment buffer) {
                  attr.log(level, buffer);
                  long r = -Errno.EAGAIN.value();
                  for (int i = 0; i < EAGAIN_ATTEMPTS && r == -Errno.EAGAIN.value(); i++) {
                    r = Syscall.bpf(BpfCommand.PROG_LOAD, attr.segment(), attr.size());
                  }
                  return r;
                }

                @Override
                public int trueSize() {
                  return attr.logTrueSize();
                }
              });
      if (!outcome.ok()) {
        throw new BpfException(
            BpfCommand.PROG_LOAD.kernelName(),
            spec.describe(),
            (int) -outcome.result(),
            outcome.log());
      }
      return new Loaded(Fd.adopt((int) outcome.result()), outcome.log());
    }
  }

  private static MemorySegment funcInfo(Arena arena, List<FuncInfo> records) {
    MemorySegment s = arena.allocate((long) records.size() * FuncInfo.SIZE, 8);
    for (int i = 0; i < records.size(); i++) {
      FuncInfo f = records.get(i);
      s.set(ValueLayout.JAVA_INT, i * 8L, f.insnOffset());
      s.set(ValueLayout.JAVA_INT, i * 8L + 4, f.typeId());
    }
    return s;
  }

  private static MemorySegment lineInfo(Arena arena, List<LineInfo> records) {
    MemorySegment s = arena.allocate((long) records.size() * LineInfo.SIZE, 8);
    for (int i = 0; i < records.size(); i++) {
      LineInfo l = records.get(i);
      s.set(ValueLayout.JAVA_INT, i * 16L, l.insnOffset());
      s.set(ValueLayout.JAVA_INT, i * 16L + 4, l.fileNameOffset());
      s.set(ValueLayout.JAVA_INT, i * 16L + 8, l.lineOffset());
      s.set(ValueLayout.JAVA_INT, i * 16L + 12, l.lineCol());
    }
    return s;
  }
}
