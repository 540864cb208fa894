package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr.test} for {@code BPF_PROG_TEST_RUN}. */
public final class TestRunAttr extends Attr {
  /** The kernel's layout. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("prog_fd"),
          u32("retval"),
          u32("data_size_in"),
          u32("data_size_out"),
          u64("data_in"),
          u64("data_out"),
          u32("repeat"),
          u32("duration"),
          u32("ctx_size_in"),
          u32("ctx_size_out"),
          u64("ctx_in"),
          u64("ctx_out"),
          u32("flags"),
          u32("cpu"),
          u32("batch_size"),
          pad(4));

  private static final long PROG_FD = offset(LAYOUT, "prog_fd");
  private static final long RETVAL = offset(LAYOUT, "retval");
  private static final long DATA_SIZE_IN = offset(LAYOUT, "data_size_in");
  private static final long DATA_SIZE_OUT = offset(LAYOUT, "data_size_out");
  private static final long DATA_IN = offset(LAYOUT, "data_in");
  private static final long DATA_OUT = offset(LAYOUT, "data_out");
  private static final long REPEAT = offset(LAYOUT, "repeat");
  private static final long DURATION = offset(LAYOUT, "duration");
  private static final long CTX_SIZE_IN = offset(LAYOUT, "ctx_size_in");
  private static final long CTX_SIZE_OUT = offset(LAYOUT, "ctx_size_out");
  private static final long CTX_IN = offset(LAYOUT, "ctx_in");
  private static final long CTX_OUT = offset(LAYOUT, "ctx_out");
  private static final long FLAGS = offset(LAYOUT, "flags");
  private static final long CPU = offset(LAYOUT, "cpu");

  /** A zeroed attr in {@code arena}. */
  public TestRunAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code prog_fd}. */
  public TestRunAttr progFd(int v) {
    putInt(PROG_FD, v);
    return this;
  }

  /** {@code data_in} and {@code data_size_in}. */
  public TestRunAttr dataIn(MemorySegment v) {
    putAddress(DATA_IN, v);
    putInt(DATA_SIZE_IN, (int) v.byteSize());
    return this;
  }

  /** {@code data_out} and {@code data_size_out} (its capacity). */
  public TestRunAttr dataOut(MemorySegment v) {
    putAddress(DATA_OUT, v);
    putInt(DATA_SIZE_OUT, (int) v.byteSize());
    return this;
  }

  /** {@code ctx_in} and {@code ctx_size_in}. */
  public TestRunAttr ctxIn(MemorySegment v) {
    putAddress(CTX_IN, v);
    putInt(CTX_SIZE_IN, (int) v.byteSize());
    return this;
  }

  /** {@code ctx_out} and {@code ctx_size_out} (its capacity). */
  public TestRunAttr ctxOut(MemorySegment v) {
    putAddress(CTX_OUT, v);
    putInt(CTX_SIZE_OUT, (int) v.byteSize());
    return this;
  }

  /** {@code repeat}: run the program this many times (0 means once). */
  public TestRunAttr repeat(int v) {
    putInt(REPEAT, v);
    return this;
  }

  /** {@code flags} ({@code BPF_F_TEST_RUN_ON_CPU}, {@code BPF_F_TEST_XDP_LIVE_FRAMES}). */
  public TestRunAttr flags(int v) {
    putInt(FLAGS, v);
    return this;
  }

  /** {@code cpu} (with {@code BPF_F_TEST_RUN_ON_CPU}). */
  public TestRunAttr cpu(int v) {
    putInt(CPU, v);
    return this;
  }

  /** {@code retval}: the program's return value. */
  public int retval() {
    return getInt(RETVAL);
  }

  /** {@code duration}: mean nanoseconds per run. */
  public int duration() {
    return getInt(DURATION);
  }

  /** {@code data_size_out} as the kernel wrote it: the output packet's length. */
  public int dataSizeOut() {
    return getInt(DATA_SIZE_OUT);
  }

  /** {@code ctx_size_out} as the kernel wrote it. */
  public int ctxSizeOut() {
    return getInt(CTX_SIZE_OUT);
  }
}
