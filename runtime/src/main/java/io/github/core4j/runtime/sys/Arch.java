package io.github.core4j.runtime.sys;

import java.util.Locale;

/**
 * The CPU architectures the runtime knows the syscall ABI of. {@code bpf} and {@code
 * perf_event_open} have no libc wrapper, so their numbers are needed; {@code struct epoll_event} is
 * packed on x86-64 only.
 */
public enum Arch {
  /** x86-64 (amd64). */
  X86_64(321, 298, 12),
  /** arm64 (aarch64). */
  AARCH64(280, 241, 16);

  private final long bpfSyscall;
  private final long perfEventOpenSyscall;
  private final int epollEventSize;

  Arch(long bpfSyscall, long perfEventOpenSyscall, int epollEventSize) {
    this.bpfSyscall = bpfSyscall;
    this.perfEventOpenSyscall = perfEventOpenSyscall;
    this.epollEventSize = epollEventSize;
  }

  /** The number of the {@code bpf} syscall. */
  public long bpfSyscall() {
    return bpfSyscall;
  }

  /** The number of the {@code perf_event_open} syscall. */
  public long perfEventOpenSyscall() {
    return perfEventOpenSyscall;
  }

  /** {@code sizeof(struct epoll_event)}: 12 where it is packed (x86-64), else 16. */
  public int epollEventSize() {
    return epollEventSize;
  }

  /** The byte offset of {@code epoll_event.data} (4 when packed, else 8). */
  public int epollDataOffset() {
    return epollEventSize == 12 ? 4 : 8;
  }

  /** The architecture this JVM runs on, from {@code os.arch}. */
  public static Arch current() {
    return of(System.getProperty("os.arch", ""));
  }

  /** The architecture for an {@code os.arch} value ({@code amd64}, {@code aarch64}...). */
  public static Arch of(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64", "x64" -> X86_64;
      case "aarch64", "arm64" -> AARCH64;
      default ->
          throw new UnsupportedOperationException(
              "core4j runtime supports x86-64 and arm64 Linux, not os.arch=" + osArch);
    };
  }
}
