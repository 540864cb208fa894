package io.github.core4j.runtime.btf;

import io.github.core4j.runtime.BpfCommand;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.attr.BtfLoadAttr;
import io.github.core4j.runtime.sys.Fd;
import io.github.core4j.runtime.sys.Syscall;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.Nullable;

/**
 * BTF loaded into the kernel ({@code BPF_BTF_LOAD}): the fd that maps ({@code btf_fd} with key and
 * value type ids) and programs ({@code prog_btf_fd}, with func and line info) refer to. The kernel
 * checks the BTF as it loads it; a rejection carries the checker's log.
 */
public final class LoadedBtf implements AutoCloseable {
  private final Fd fd;
  private final @Nullable String log;

  private LoadedBtf(Fd fd, @Nullable String log) {
    this.fd = fd;
    this.log = log;
  }

  /** Loads raw BTF bytes (header, type and string sections, as {@code .BTF} holds them). */
  public static LoadedBtf load(byte[] raw) {
    return load(raw, 0);
  }

  /**
   * Loads raw BTF with log level {@code logLevel} (0: log only on failure; 1 or 2: always).
   *
   * @throws BpfException with the kernel's BTF log when the kernel rejects it
   */
  public static LoadedBtf load(byte[] raw, int logLevel) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment bytes = arena.allocate(raw.length, 8);
      MemorySegment.copy(raw, 0, bytes, ValueLayout.JAVA_BYTE, 0, raw.length);
      BtfLoadAttr attr = new BtfLoadAttr(arena);
      KernelLog.Outcome outcome =
          KernelLog.run(
              logLevel,
              new KernelLog.Attempt() {
                @Override
                public long load(int level, MemorySegment buffer) {
                  attr.btf(bytes).log(level, buffer);
                  return Syscall.bpf(BpfCommand.BTF_LOAD, attr.segment(), attr.size());
                }

                @Override
                public int trueSize() {
                  return attr.logTrueSize();
                }
              });
      if (!outcome.ok()) {
        throw new BpfException(
            BpfCommand.BTF_LOAD.kernelName(),
            raw.length + " bytes of BTF",
            (int) -outcome.result(),
            outcome.log());
      }
      return new LoadedBtf(Fd.adopt((int) outcome.result()), outcome.log());
    }
  }

  /** The BTF object's fd. */
  public Fd fd() {
    return fd;
  }

  /** The checker's log when one was requested, else {@code null}. */
  public @Nullable String log() {
    return log;
  }

  @Override
  public void close() {
    fd.close();
  }
}
