package io.github.core4j.runtime.attr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/** {@code union bpf_attr} for {@code BPF_PROG_LOAD}. */
public final class ProgLoadAttr extends Attr {
  /** The kernel's layout, through {@code fd_array_cnt}. */
  public static final StructLayout LAYOUT =
      MemoryLayout.structLayout(
          u32("prog_type"),
          u32("insn_cnt"),
          u64("insns"),
          u64("license"),
          u32("log_level"),
          u32("log_size"),
          u64("log_buf"),
          u32("kern_version"),
          u32("prog_flags"),
          name("prog_name"),
          u32("prog_ifindex"),
          u32("expected_attach_type"),
          u32("prog_btf_fd"),
          u32("func_info_rec_size"),
          u64("func_info"),
          u32("func_info_cnt"),
          u32("line_info_rec_size"),
          u64("line_info"),
          u32("line_info_cnt"),
          u32("attach_btf_id"),
          u32("attach_prog_fd"),
          u32("core_relo_cnt"),
          u64("fd_array"),
          u64("core_relos"),
          u32("core_relo_rec_size"),
          u32("log_true_size"),
          u32("prog_token_fd"),
          u32("fd_array_cnt"));

  private static final long PROG_TYPE = offset(LAYOUT, "prog_type");
  private static final long INSN_CNT = offset(LAYOUT, "insn_cnt");
  private static final long INSNS = offset(LAYOUT, "insns");
  private static final long LICENSE = offset(LAYOUT, "license");
  private static final long LOG_LEVEL = offset(LAYOUT, "log_level");
  private static final long LOG_SIZE = offset(LAYOUT, "log_size");
  private static final long LOG_BUF = offset(LAYOUT, "log_buf");
  private static final long KERN_VERSION = offset(LAYOUT, "kern_version");
  private static final long PROG_FLAGS = offset(LAYOUT, "prog_flags");
  private static final long PROG_NAME = offset(LAYOUT, "prog_name");
  private static final long PROG_IFINDEX = offset(LAYOUT, "prog_ifindex");
  private static final long EXPECTED_ATTACH_TYPE = offset(LAYOUT, "expected_attach_type");
  private static final long PROG_BTF_FD = offset(LAYOUT, "prog_btf_fd");
  private static final long FUNC_INFO_REC_SIZE = offset(LAYOUT, "func_info_rec_size");
  private static final long FUNC_INFO = offset(LAYOUT, "func_info");
  private static final long FUNC_INFO_CNT = offset(LAYOUT, "func_info_cnt");
  private static final long LINE_INFO_REC_SIZE = offset(LAYOUT, "line_info_rec_size");
  private static final long LINE_INFO = offset(LAYOUT, "line_info");
  private static final long LINE_INFO_CNT = offset(LAYOUT, "line_info_cnt");
  private static final long ATTACH_BTF_ID = offset(LAYOUT, "attach_btf_id");
  private static final long ATTACH_PROG_FD = offset(LAYOUT, "attach_prog_fd");
  private static final long FD_ARRAY = offset(LAYOUT, "fd_array");
  private static final long LOG_TRUE_SIZE = offset(LAYOUT, "log_true_size");

  /** A zeroed attr in {@code arena}. */
  public ProgLoadAttr(Arena arena) {
    super(arena, LAYOUT);
  }

  /** {@code prog_type}. */
  public ProgLoadAttr progType(int v) {
    putInt(PROG_TYPE, v);
    return this;
  }

  /** {@code insns} and {@code insn_cnt}: the instructions, 8 bytes each. */
  public ProgLoadAttr insns(MemorySegment insns) {
    putAddress(INSNS, insns);
    putInt(INSN_CNT, (int) (insns.byteSize() / 8));
    return this;
  }

  /** {@code license}: a NUL-terminated string. */
  public ProgLoadAttr license(MemorySegment v) {
    putAddress(LICENSE, v);
    return this;
  }

  /** {@code log_level}, {@code log_size} and {@code log_buf}. */
  public ProgLoadAttr log(int level, MemorySegment buffer) {
    putInt(LOG_LEVEL, level);
    putInt(LOG_SIZE, (int) buffer.byteSize());
    putAddress(LOG_BUF, buffer);
    return this;
  }

  /** {@code log_true_size}: the log size the kernel needed (Linux 6.4+; 0 before). */
  public int logTrueSize() {
    return getInt(LOG_TRUE_SIZE);
  }

  /** {@code kern_version} (checked for kprobes by kernels before 5.0). */
  public ProgLoadAttr kernVersion(int v) {
    putInt(KERN_VERSION, v);
    return this;
  }

  /** {@code prog_flags} ({@code BPF_F_SLEEPABLE}, {@code BPF_F_XDP_HAS_FRAGS}...). */
  public ProgLoadAttr progFlags(int v) {
    putInt(PROG_FLAGS, v);
    return this;
  }

  /** {@code prog_name}, cut to 15 bytes. */
  public ProgLoadAttr progName(String v) {
    putName(PROG_NAME, v);
    return this;
  }

  /** {@code prog_ifindex} (offload / device-bound XDP). */
  public ProgLoadAttr progIfindex(int v) {
    putInt(PROG_IFINDEX, v);
    return this;
  }

  /** {@code expected_attach_type}. */
  public ProgLoadAttr expectedAttachType(int v) {
    putInt(EXPECTED_ATTACH_TYPE, v);
    return this;
  }

  /** {@code prog_btf_fd}: the program's BTF, needed with func/line info. */
  public ProgLoadAttr progBtfFd(int v) {
    putInt(PROG_BTF_FD, v);
    return this;
  }

  /** {@code func_info}, {@code func_info_cnt} and {@code func_info_rec_size}. */
  public ProgLoadAttr funcInfo(MemorySegment records, int recordSize) {
    putAddress(FUNC_INFO, records);
    putInt(FUNC_INFO_REC_SIZE, recordSize);
    putInt(FUNC_INFO_CNT, (int) (records.byteSize() / recordSize));
    return this;
  }

  /** {@code line_info}, {@code line_info_cnt} and {@code line_info_rec_size}. */
  public ProgLoadAttr lineInfo(MemorySegment records, int recordSize) {
    putAddress(LINE_INFO, records);
    putInt(LINE_INFO_REC_SIZE, recordSize);
    putInt(LINE_INFO_CNT, (int) (records.byteSize() / recordSize));
    return this;
  }

  /** {@code attach_btf_id}: the kernel (or program) BTF id of the attach target. */
  public ProgLoadAttr attachBtfId(int v) {
    putInt(ATTACH_BTF_ID, v);
    return this;
  }

  /** {@code attach_prog_fd} / {@code attach_btf_obj_fd} (they share a slot). */
  public ProgLoadAttr attachFd(int v) {
    putInt(ATTACH_PROG_FD, v);
    return this;
  }

  /** {@code fd_array}: map fds that {@code ld_imm64} with {@code BPF_PSEUDO_MAP_IDX} index. */
  public ProgLoadAttr fdArray(MemorySegment v) {
    putAddress(FD_ARRAY, v);
    return this;
  }
}
