package io.github.core4j.runtime.prog;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.obj.BpfFs;
import io.github.core4j.runtime.sys.Fd;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A program loaded into the kernel, owned through its fd. Load one with {@link #load}; run it on
 * test input with {@link #testRun}; attach it with the classes of {@code runtime.link}.
 */
public final class BpfProgram implements AutoCloseable {
  private final Fd fd;
  private final ProgramType type;
  private final @Nullable AttachType expectedAttachType;
  private final String name;
  private final @Nullable String verifierLog;

  private BpfProgram(
      Fd fd,
      ProgramType type,
      @Nullable AttachType expectedAttachType,
      String name,
      @Nullable String verifierLog) {
    this.fd = fd;
    this.type = type;
    this.expectedAttachType = expectedAttachType;
    this.name = name;
    this.verifierLog = verifierLog;
  }

  /**
   * Loads a program ({@code BPF_PROG_LOAD}).
   *
   * @throws BpfException when the kernel refuses it; for verifier rejections {@link
   *     BpfException#verifierLog()} holds the log
   */
  public static BpfProgram load(ProgramSpec spec) {
    ProgramLoad.Loaded loaded = ProgramLoad.load(spec);
    return new BpfProgram(
        loaded.fd(), spec.type(), spec.expectedAttachType(), spec.name(), loaded.log());
  }

  /** Wraps a program fd (taking ownership), learning its type from the kernel. */
  public static BpfProgram fromFd(Fd fd) {
    try {
      ProgramInfo info = ProgramInfo.of(fd);
      return new BpfProgram(fd, info.type(), null, info.name(), null);
    } catch (RuntimeException e) {
      fd.close();
      throw e;
    }
  }

  /** Opens the program pinned at {@code path}. */
  public static BpfProgram pinned(Path path) {
    return fromFd(BpfFs.get(path, 0));
  }

  /** The program's fd. */
  public Fd fd() {
    return fd;
  }

  /** The program type. */
  public ProgramType type() {
    return type;
  }

  /** The expected attach type it was loaded with, or null. */
  public @Nullable AttachType expectedAttachType() {
    return expectedAttachType;
  }

  /** The program's name (possibly empty). */
  public String name() {
    return name;
  }

  /** The verifier log, when the spec asked for one (log level above 0); else null. */
  public @Nullable String verifierLog() {
    return verifierLog;
  }

  /** What the kernel says about it: id, tag, sizes. */
  public ProgramInfo info() {
    return ProgramInfo.of(fd);
  }

  /** Runs the program once over {@code packet} ({@code BPF_PROG_TEST_RUN}). */
  public TestRunResult testRun(byte[] packet) {
    return TestRun.run(this, TestRunOptions.of(packet));
  }

  /** Runs the program as {@code options} say. */
  public TestRunResult testRun(TestRunOptions options) {
    return TestRun.run(this, options);
  }

  /** Pins the program at {@code path} on a bpf filesystem. */
  public void pin(Path path) {
    BpfFs.pin(fd, path);
  }

  /** Closes the fd; the program lives on while links or pins hold it. */
  @Override
  public void close() {
    fd.close();
  }

  /** "program 'drop' (xdp)". */
  public String describe() {
    return (name.isEmpty() ? "program" : "program '" + name + "'") + " (" + type.libbpfName() + ")";
  }

  @Override
  public String toString() {
    return describe() + " " + fd;
  }
}
