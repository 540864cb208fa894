package io.github.core4j.runtime.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Shared FFM plumbing: the native linker, libc symbol lookup, and the per-thread segment into which
 * the linker captures {@code errno} right after each call (reading errno later would race with the
 * JVM's own libc calls).
 */
final class NativeCalls {
  static final Linker LINKER = Linker.nativeLinker();
  static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
  private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
  private static final long ERRNO_OFFSET =
      CAPTURE_LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("errno"));
  private static final ThreadLocal<MemorySegment> CAPTURE =
      ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

  private NativeCalls() {}

  /** A downcall handle for libc's {@code name}, capturing errno (first parameter: the segment). */
  @SuppressWarnings("restricted") // the runtime is the native-access boundary
  static MethodHandle libc(String name, FunctionDescriptor descriptor, Linker.Option... options) {
    MemorySegment symbol =
        LINKER
            .defaultLookup()
            .find(name)
            .orElseThrow(() -> new UnsupportedOperationException("libc has no " + name));
    Linker.Option[] all = new Linker.Option[options.length + 1];
    all[0] = CAPTURE_ERRNO;
    System.arraycopy(options, 0, all, 1, options.length);
    return LINKER.downcallHandle(symbol, descriptor, all);
  }

  /** This thread's errno capture segment. */
  static MemorySegment captureSegment() {
    return CAPTURE.get();
  }

  /** The errno captured by the last call on this thread. */
  static int capturedErrno() {
    return CAPTURE.get().get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
  }

  /** Wraps what a downcall handle may throw (nothing, in practice) as an unchecked error. */
  static AssertionError downcallFailed(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new AssertionError("downcall threw a checked exception", t);
  }
}
