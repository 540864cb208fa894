package io.github.core4j.runtime.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.github.core4j.runtime.BpfException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc functions the runtime needs beside {@code bpf()}: {@code close}, {@code mmap}/{@code
 * munmap}, {@code ioctl}, and epoll. Each returns its result or {@code -errno}; none throws except
 * {@link #mmapShared}, whose failure is always fatal to the caller.
 */
public final class Libc {
  /** {@code PROT_READ}. */
  public static final int PROT_READ = 1;

  /** {@code PROT_WRITE}. */
  public static final int PROT_WRITE = 2;

  /** {@code MAP_SHARED}. */
  public static final int MAP_SHARED = 1;

  /** {@code EPOLL_CLOEXEC}. */
  public static final int EPOLL_CLOEXEC = 0x80000;

  /** {@code EPOLL_CTL_ADD}. */
  public static final int EPOLL_CTL_ADD = 1;

  /** {@code EPOLLIN}. */
  public static final int EPOLLIN = 1;

  private static final MethodHandle CLOSE =
      NativeCalls.libc("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle MMAP =
      NativeCalls.libc(
          "mmap",
          FunctionDescriptor.of(
              ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
  private static final MethodHandle MUNMAP =
      NativeCalls.libc("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
  private static final MethodHandle IOCTL =
      NativeCalls.libc(
          "ioctl",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG),
          Linker.Option.firstVariadicArg(2));
  private static final MethodHandle EPOLL_CREATE1 =
      NativeCalls.libc("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle EPOLL_CTL =
      NativeCalls.libc(
          "epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
  private static final MethodHandle EPOLL_WAIT =
      NativeCalls.libc(
          "epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
  private static final MethodHandle OPEN =
      NativeCalls.libc(
          "open",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
          Linker.Option.firstVariadicArg(2));
  private static final MethodHandle IF_NAMETOINDEX =
      NativeCalls.libc("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle GETPAGESIZE =
      NativeCalls.libc("getpagesize", FunctionDescriptor.of(JAVA_INT));
  private static final MethodHandle GETPID =
      NativeCalls.libc("getpid", FunctionDescriptor.of(JAVA_INT));

  private static final int PAGE_SIZE = callGetpagesize();

  private Libc() {}

  private static int result(int r) {
    return r < 0 ? -NativeCalls.capturedErrno() : r;
  }

  /** {@code close(fd)}: 0 or {@code -errno}. */
  public static int close(int fd) {
    try {
      return result((int) CLOSE.invokeExact(NativeCalls.captureSegment(), fd));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /**
   * {@code mmap(NULL, length, prot, MAP_SHARED, fd, offset)}: the mapping as a segment of {@code
   * length} bytes (unmap it with {@link #munmap}). Throws {@link BpfException} naming {@code
   * subject} on failure.
   */
  @SuppressWarnings("restricted") // the runtime is the native-access boundary
  public static MemorySegment mmapShared(
      int fd, long length, int prot, long offset, String subject) {
    MemorySegment addr;
    try {
      addr =
          (MemorySegment)
              MMAP.invokeExact(
                  NativeCalls.captureSegment(),
                  MemorySegment.NULL,
                  length,
                  prot,
                  MAP_SHARED,
                  fd,
                  offset);
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
    if (addr.address() == -1L) {
      throw new BpfException("mmap", subject, NativeCalls.capturedErrno());
    }
    return addr.reinterpret(length);
  }

  /** {@code munmap(segment)}: 0 or {@code -errno}. */
  public static int munmap(MemorySegment mapping) {
    try {
      return result(
          (int) MUNMAP.invokeExact(NativeCalls.captureSegment(), mapping, mapping.byteSize()));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /** {@code ioctl(fd, request, arg)} with an integer argument: the result or {@code -errno}. */
  public static int ioctl(int fd, long request, long arg) {
    try {
      return result((int) IOCTL.invokeExact(NativeCalls.captureSegment(), fd, request, arg));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /** {@code epoll_create1(flags)}: the epoll fd or {@code -errno}. */
  public static int epollCreate1(int flags) {
    try {
      return result((int) EPOLL_CREATE1.invokeExact(NativeCalls.captureSegment(), flags));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /** {@code epoll_ctl(epfd, op, fd, event)}: 0 or {@code -errno}. */
  public static int epollCtl(int epfd, int op, int fd, MemorySegment event) {
    try {
      return result((int) EPOLL_CTL.invokeExact(NativeCalls.captureSegment(), epfd, op, fd, event));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /** {@code epoll_wait(epfd, events, max, timeoutMillis)}: ready count or {@code -errno}. */
  public static int epollWait(int epfd, MemorySegment events, int maxEvents, int timeoutMillis) {
    try {
      return result(
          (int)
              EPOLL_WAIT.invokeExact(
                  NativeCalls.captureSegment(), epfd, events, maxEvents, timeoutMillis));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /** {@code O_RDONLY}. */
  public static final int O_RDONLY = 0;

  /** {@code O_DIRECTORY}. */
  public static final int O_DIRECTORY = 0x10000;

  /** {@code O_CLOEXEC}. */
  public static final int O_CLOEXEC = 0x80000;

  /** {@code open(path, flags)}: the new fd, owned by the returned {@link Fd}; throws on failure. */
  public static Fd open(String path, int flags) {
    int r;
    try (Arena arena = Arena.ofConfined()) {
      r =
          (int)
              OPEN.invokeExact(
                  NativeCalls.captureSegment(), arena.allocateFrom(path), flags | O_CLOEXEC, 0);
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
    if (r < 0) {
      throw new BpfException("open", path, NativeCalls.capturedErrno());
    }
    return Fd.adopt(r);
  }

  /** The index of network interface {@code name} in this thread's network namespace. */
  public static int ifNameToIndex(String name) {
    int r;
    try (Arena arena = Arena.ofConfined()) {
      r = (int) IF_NAMETOINDEX.invokeExact(NativeCalls.captureSegment(), arena.allocateFrom(name));
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
    if (r == 0) {
      throw new BpfException(
          "if_nametoindex", "interface '" + name + "'", NativeCalls.capturedErrno());
    }
    return r;
  }

  /** This process's id, straight from the kernel ({@code getpid(2)}; glibc does not cache it). */
  public static int getpid() {
    try {
      return (int) GETPID.invokeExact(NativeCalls.captureSegment());
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }

  /** The page size, the unit of every mapping of map or ring memory. */
  public static int pageSize() {
    return PAGE_SIZE;
  }

  private static int callGetpagesize() {
    try {
      return (int) GETPAGESIZE.invokeExact(NativeCalls.captureSegment());
    } catch (Throwable t) {
      throw NativeCalls.downcallFailed(t);
    }
  }
}
