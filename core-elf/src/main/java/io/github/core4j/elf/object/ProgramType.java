package io.github.core4j.elf.object;

import java.util.Optional;

/**
 * The kernel's program types ({@code enum bpf_prog_type}) with their numbers and libbpf's names
 * ({@code "xdp"}, {@code "sched_cls"}...).
 */
public enum ProgramType implements KernelConstant {
  UNSPEC(0, "unspec", ""),
  SOCKET_FILTER(1, "socket_filter", "3.19"),
  KPROBE(2, "kprobe", "4.1"),
  SCHED_CLS(3, "sched_cls", "4.1"),
  SCHED_ACT(4, "sched_act", "4.1"),
  TRACEPOINT(5, "tracepoint", "4.7"),
  XDP(6, "xdp", "4.8"),
  PERF_EVENT(7, "perf_event", "4.9"),
  CGROUP_SKB(8, "cgroup_skb", "4.10"),
  CGROUP_SOCK(9, "cgroup_sock", "4.10"),
  LWT_IN(10, "lwt_in", "4.10"),
  LWT_OUT(11, "lwt_out", "4.10"),
  LWT_XMIT(12, "lwt_xmit", "4.10"),
  SOCK_OPS(13, "sock_ops", "4.13"),
  SK_SKB(14, "sk_skb", "4.14"),
  CGROUP_DEVICE(15, "cgroup_device", "4.15"),
  SK_MSG(16, "sk_msg", "4.17"),
  RAW_TRACEPOINT(17, "raw_tracepoint", "4.17"),
  CGROUP_SOCK_ADDR(18, "cgroup_sock_addr", "4.17"),
  LWT_SEG6LOCAL(19, "lwt_seg6local", "4.18"),
  LIRC_MODE2(20, "lirc_mode2", "4.18"),
  SK_REUSEPORT(21, "sk_reuseport", "4.19"),
  FLOW_DISSECTOR(22, "flow_dissector", "4.20"),
  CGROUP_SYSCTL(23, "cgroup_sysctl", "5.2"),
  RAW_TRACEPOINT_WRITABLE(24, "raw_tracepoint_writable", "5.2"),
  CGROUP_SOCKOPT(25, "cgroup_sockopt", "5.3"),
  TRACING(26, "tracing", "5.5"),
  STRUCT_OPS(27, "struct_ops", "5.6"),
  EXT(28, "ext", "5.6"),
  LSM(29, "lsm", "5.7"),
  SK_LOOKUP(30, "sk_lookup", "5.9"),
  SYSCALL(31, "syscall", "5.14"),
  NETFILTER(32, "netfilter", "6.4");

  private final int value;
  private final String libbpfName;
  private final String since;

  ProgramType(int value, String libbpfName, String since) {
    this.value = value;
    this.libbpfName = libbpfName;
    this.since = since;
  }

  @Override
  public int value() {
    return value;
  }

  /** libbpf's and bpftool's name for it (as {@code libbpf_bpf_prog_type_str} returns). */
  @Override
  public String libbpfName() {
    return libbpfName;
  }

  /** The first mainline Linux release with it ({@code "5.8"}), or empty when not recorded. */
  public String since() {
    return since;
  }

  /** The constant with kernel value {@code value}. */
  public static Optional<ProgramType> ofValue(int value) {
    return KernelConstant.byValue(ProgramType.class, value);
  }

  /** The constant libbpf calls {@code name} (for example {@code "socket_filter"}). */
  public static Optional<ProgramType> ofLibbpfName(String name) {
    return KernelConstant.byLibbpfName(ProgramType.class, name);
  }

  @Override
  public String toString() {
    return libbpfName;
  }
}
