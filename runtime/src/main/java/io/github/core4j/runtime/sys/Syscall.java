package io.github.core4j.runtime.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.BpfException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The two syscalls without a libc wrapper, {@code bpf(2)} and {@code perf_event_open(2)}, called
 * through libc's variadic {@code syscall(long, ...)} with errno captured. Raw forms return the
 * kernel's result, or {@code -errno} when it failed; the {@code OrThrow} forms raise {@link
 * BpfException}.
 */
public final class Syscall {
  private static final Arch ARCH = Arch.current();

  // syscall(long number, ...): every variadic argument is passed as a full register.
  private static final MethodHandle BPF =
      NativeCalls.libc(
          "syscall",
          FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
          Linker.Option.firstVariadicArg(1));
  private static final MethodHandle PERF_EVENT_OPEN =
      NativeCalls.libc(
          "syscall",
          FunctionDescriptor.of(
              JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
          Linker.Option.firstVariadicArg(1));

  private Syscall() {}

  /**
   * {@code bpf(cmd, attr, size)}: the non-negative result, or {@code -errno}. No exception, so
   * callers can retry (EAGAIN), grow a buffer (ENOSPC) or treat ENOENT as "no such key".
   */
  public static long bpf(BpfCommand cmd, MemorySegment attr, long size) {
    try {
      long r =
          (long)
              BPF.invokeExact(
                  NativeCalls.captureSegment(), ARCH.bpfSyscall(), (long) cmd.value(), attr, size);
      return r < 0 ? -NativeCalls.capturedErrno() : r;
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /**
   * {@code bpf(cmd, attr, size)}, raising {@link BpfException} naming {@code subject} on failure.
   */
  public static long bpfOrThrow(BpfCommand cmd, MemorySegment attr, long size, String subject) {
    long r = bpf(cmd, attr, size);
    if (r < 0) {
      throw new BpfException(cmd.kernelName(), subject, (int) -r);
    }
    return r;
  }

  /**
   * A {@code bpf()} command that returns a new file descriptor, owned by the returned {@link Fd}.
   */
  public static Fd bpfFd(BpfCommand cmd, MemorySegment attr, long size, String subject) {
    return Fd.adopt((int) bpfOrThrow(cmd, attr, size, subject));
  }

  /**
   * {@code perf_event_open(attr, pid, cpu, group_fd, flags)}: the new fd, or {@code -errno}. {@code
   * pid = -1, cpu = N} watches every process on CPU N.
   */
  public static long perfEventOpen(MemorySegment attr, int pid, int cpu, int groupFd, long flags) {
    try {
      long r =
          (long)
              PERF_EVENT_OPEN.invokeExact(
                  NativeCalls.captureSegment(),
                  ARCH.perfEventOpenSyscall(),
                  attr,
                  (long) pid,
                  (long) cpu,
                  (long) groupFd,
                  flags);
      return r < 0 ? -NativeCalls.capturedErrno() : r;
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }
}
