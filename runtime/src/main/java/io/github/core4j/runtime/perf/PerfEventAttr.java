package io.github.core4j.runtime.perf;

import io.github.core4j.runtime.attr.Attr;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * {@code struct perf_event_attr} up to {@code PERF_ATTR_SIZE_VER5} (112 bytes, Linux 4.1+): the
 * fields BPF needs to open tracepoint, kprobe and BPF-output events.
 */
public final class PerfEventAttr extends Attr {
  /** The kernel's layout (flag bits live in the {@code flags} word). */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("type"),
          u32("size"),
          u64("config"),
          u64("sample_period"),
          u64("sample_type"),
          u64("read_format"),
          u64("flags"),
          u32("wakeup_events"),
          u32("bp_type"),
          u64("config1"),
          u64("config2"),
          u64("branch_sample_type"),
          u64("sample_regs_user"),
          u32("sample_stack_user"),
          u32("clockid"),
          u64("sample_regs_intr"),
          u32("aux_watermark"),
          MemoryLayout.paddingLayout(4));

  private static final long TYPE = offset(LAYOUT, "type");
  private static final long SIZE = offset(LAYOUT, "size");
  private static final long CONFIG = offset(LAYOUT, "config");
  private static final long SAMPLE_PERIOD = offset(LAYOUT, "sample_period");
  private static final long SAMPLE_TYPE = offset(LAYOUT, "sample_type");
  private static final long FLAGS = offset(LAYOUT, "flags");
  private static final long WAKEUP_EVENTS = offset(LAYOUT, "wakeup_events");
  private static final long CONFIG1 = offset(LAYOUT, "config1");
  private static final long CONFIG2 = offset(LAYOUT, "config2");

  /** {@code PERF_TYPE_SOFTWARE}. */
  public static final int TYPE_SOFTWARE = 1;

  /** {@code PERF_TYPE_TRACEPOINT}. */
  public static final int TYPE_TRACEPOINT = 2;

  /** {@code PERF_COUNT_SW_BPF_OUTPUT}. */
  public static final long COUNT_SW_BPF_OUTPUT = 10;

  /** {@code PERF_SAMPLE_RAW}. */
  public static final long SAMPLE_RAW = 1L << 10;

  /** The {@code disabled} flag bit. */
  public static final long FLAG_DISABLED = 1L;

  /** A zeroed attr with {@code size} set. */
  public PerfEventAttr(Arena arena) {
    super(arena, LAYOUT);
    putInt(SIZE, (int) LAYOUT.byteSize());
  }

  /** {@code type}: PMU type ({@link #TYPE_TRACEPOINT}, a kprobe PMU's dynamic type...). */
  public PerfEventAttr type(int v) {
    putInt(TYPE, v);
    return this;
  }

  /** {@code config}: the event within the PMU (tracepoint id, retprobe bit...). */
  public PerfEventAttr config(long v) {
    putLong(CONFIG, v);
    return this;
  }

  /** {@code sample_period}. */
  public PerfEventAttr samplePeriod(long v) {
    putLong(SAMPLE_PERIOD, v);
    return this;
  }

  /** {@code sample_type}. */
  public PerfEventAttr sampleType(long v) {
    putLong(SAMPLE_TYPE, v);
    return this;
  }

  /** The flag bits word ({@link #FLAG_DISABLED}...). */
  public PerfEventAttr flags(long v) {
    putLong(FLAGS, v);
    return this;
  }

  /** {@code wakeup_events}: wake a reader after this many samples. */
  public PerfEventAttr wakeupEvents(int v) {
    putInt(WAKEUP_EVENTS, v);
    return this;
  }

  /** {@code config1} ({@code kprobe_func}: a pointer to the function name). */
  public PerfEventAttr config1(MemorySegment pointer) {
    putAddress(CONFIG1, pointer);
    return this;
  }

  /** {@code config2} ({@code probe_offset} / {@code kprobe_addr}). */
  public PerfEventAttr config2(long v) {
    putLong(CONFIG2, v);
    return this;
  }
}
