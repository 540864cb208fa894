package io.github.core4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves BPF objects, perf events or epoll instances open: compares the process's
 * anonymous-inode fds ({@code /proc/self/fd}) before and after each test.
 */
public final class NoFdLeaks implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NoFdLeaks.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("fds", Kernel.anonFds());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    List<String> before = (List<String>) context.getStore(NS).get("fds");
    assertEquals(before, Kernel.anonFds(), "fds leaked by " + context.getDisplayName());
  }
}
