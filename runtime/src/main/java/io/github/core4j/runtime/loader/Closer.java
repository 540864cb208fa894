package io.github.core4j.runtime.loader;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything a load created (BTF, maps, programs, links, memory mappings), closed in reverse order
 * exactly once: by the loaded object's {@code close()}, or right away when the load fails.
 */
final class Closer implements AutoCloseable {
  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  private boolean closed;

  /** Takes ownership of {@code resource}; returns it. */
  <T extends AutoCloseable> T add(T resource) {
    if (closed) {
      closeQuietly(resource);
      throw new IllegalStateException("the object is closed");
    }
    owned.push(resource);
    return resource;
  }

  /** Closes {@code resource} now and forgets it (an inner map template after its outer map). */
  void closeNow(AutoCloseable resource) {
    owned.remove(resource);
    closeQuietly(resource);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    while (!owned.isEmpty()) {
      try {
        owned.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing after a failure: the first error is the one reported
    }
  }
}
