package io.github.core4j.runtime.sys;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file descriptor this process owns: closed exactly once, by {@link #close()}, however many times
 * that is called and from whichever thread. Reading the number of a closed fd is an error, since
 * the kernel may already have handed the number to someone else.
 */
public final class Fd implements AutoCloseable {
  private final int value;
  private final AtomicBoolean open = new AtomicBoolean(true);

  private Fd(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("not a file descriptor: " + value);
    }
    this.value = value;
  }

  /** Takes ownership of {@code value}, an fd the caller just received from the kernel. */
  public static Fd adopt(int value) {
    return new Fd(value);
  }

  /** The fd number, for passing to the kernel. */
  public int value() {
    if (!open.get()) {
      throw new IllegalStateException("fd " + value + " is already closed");
    }
    return value;
  }

  /** Whether {@link #close()} has not run yet. */
  public boolean isOpen() {
    return open.get();
  }

  /** Closes the fd; later calls do nothing. */
  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      Libc.close(value);
    }
  }

  @Override
  public String toString() {
    return (open.get() ? "fd " : "closed fd ") + value;
  }
}
