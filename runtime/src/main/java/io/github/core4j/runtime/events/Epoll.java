package io.github.core4j.runtime.events;

import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.sys.Arch;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * An epoll instance for waiting on ring buffer and perf event fds ({@code epoll_create1}, {@code
 * epoll_ctl}, {@code epoll_wait}). Each registered fd carries a caller-chosen {@code long} tag that
 * {@link #await} reports back.
 */
final class Epoll implements AutoCloseable {
  private static final Arch ARCH = Arch.current();

  private final Fd fd;
  private final Arena arena = Arena.ofShared();
  private final MemorySegment events;
  private final int capacity;

  Epoll(int capacity) {
    int r = Libc.epollCreate1(Libc.EPOLL_CLOEXEC);
    if (r < 0) {
      arena.close();
      throw new BpfException("epoll_create1", "", -r);
    }
    this.fd = Fd.adopt(r);
    this.capacity = Math.max(1, capacity);
    this.events = arena.allocate((long) ARCH.epollEventSize() * this.capacity, 8);
  }

  /** Registers {@code target} for readability, tagged {@code tag}. */
  void add(Fd target, long tag) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment event = a.allocate(ARCH.epollEventSize(), 8);
      event.set(ValueLayout.JAVA_INT, 0, Libc.EPOLLIN);
      event.set(ValueLayout.JAVA_LONG_UNALIGNED, ARCH.epollDataOffset(), tag);
      int r = Libc.epollCtl(fd.value(), Libc.EPOLL_CTL_ADD, target.value(), event);
      if (r < 0) {
        throw new BpfException("epoll_ctl", "add " + target, -r);
      }
    }
  }

  /**
   * Waits up to {@code timeout} (negative: forever) for registered fds to become readable and
   * returns the number of ready ones; {@link #tag(int)} gives their tags. Interrupted waits count
   * as zero ready.
   */
  int await(Duration timeout) {
    int millis = timeout.isNegative() ? -1 : (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    int r = Libc.epollWait(fd.value(), events, capacity, millis);
    if (r == -Errno.EINTR.value()) {
      return 0;
    }
    if (r < 0) {
      throw new BpfException("epoll_wait", "", -r);
    }
    return r;
  }

  /** The tag of the {@code i}-th ready fd of the last {@link #await}. */
  long tag(int i) {
    return events.get(
        ValueLayout.JAVA_LONG_UNALIGNED, (long) i * ARCH.epollEventSize() + ARCH.epollDataOffset());
  }

  @Override
  public void close() {
    fd.close();
    arena.close();
  }
}
