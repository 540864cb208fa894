package io.github.core4j.elf.object;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * libbpf's {@code section_defs} table (libbpf 1.7, a superset of the 1.1 table): which program type
 * and expected attach type a program gets from its ELF section name. Rows are tried in order and
 * the first match wins, so {@code "sk_reuseport/migrate"} comes before {@code "sk_reuseport"} and
 * {@code "xdp.frags/devmap"} before {@code "xdp.frags"}, exactly as in libbpf.
 */
public final class SectionDefs {
  private SectionDefs() {}

  private static final List<SectionDef> ALL =
      List.of(
          def("socket", ProgramType.SOCKET_FILTER, null),
          def(
              "sk_reuseport/migrate",
              ProgramType.SK_REUSEPORT,
              AttachType.SK_REUSEPORT_SELECT_OR_MIGRATE,
              SectionFlag.ATTACHABLE),
          def(
              "sk_reuseport",
              ProgramType.SK_REUSEPORT,
              AttachType.SK_REUSEPORT_SELECT,
              SectionFlag.ATTACHABLE),
          def("kprobe+", ProgramType.KPROBE, null),
          def("uprobe+", ProgramType.KPROBE, null),
          def("uprobe.s+", ProgramType.KPROBE, null, SectionFlag.SLEEPABLE),
          def("kretprobe+", ProgramType.KPROBE, null),
          def("uretprobe+", ProgramType.KPROBE, null),
          def("uretprobe.s+", ProgramType.KPROBE, null, SectionFlag.SLEEPABLE),
          def("kprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_KPROBE_MULTI),
          def("kretprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_KPROBE_MULTI),
          def("kprobe.session+", ProgramType.KPROBE, AttachType.TRACE_KPROBE_SESSION),
          def("uprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_MULTI),
          def("uretprobe.multi+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_MULTI),
          def("uprobe.session+", ProgramType.KPROBE, AttachType.TRACE_UPROBE_SESSION),
          def(
              "uprobe.multi.s+",
              ProgramType.KPROBE,
              AttachType.TRACE_UPROBE_MULTI,
              SectionFlag.SLEEPABLE),
          def(
              "uretprobe.multi.s+",
              ProgramType.KPROBE,
              AttachType.TRACE_UPROBE_MULTI,
              SectionFlag.SLEEPABLE),
          def(
              "uprobe.session.s+",
              ProgramType.KPROBE,
              AttachType.TRACE_UPROBE_SESSION,
              SectionFlag.SLEEPABLE),
          def("ksyscall+", ProgramType.KPROBE, null),
          def("kretsyscall+", ProgramType.KPROBE, null),
          def("usdt+", ProgramType.KPROBE, null, SectionFlag.USDT),
          def("usdt.s+", ProgramType.KPROBE, null, SectionFlag.USDT, SectionFlag.SLEEPABLE),
          def("tc/ingress", ProgramType.SCHED_CLS, AttachType.TCX_INGRESS),
          def("tc/egress", ProgramType.SCHED_CLS, AttachType.TCX_EGRESS),
          def("tcx/ingress", ProgramType.SCHED_CLS, AttachType.TCX_INGRESS),
          def("tcx/egress", ProgramType.SCHED_CLS, AttachType.TCX_EGRESS),
          def("tc", ProgramType.SCHED_CLS, null),
          def("classifier", ProgramType.SCHED_CLS, null),
          def("action", ProgramType.SCHED_ACT, null),
          def("netkit/primary", ProgramType.SCHED_CLS, AttachType.NETKIT_PRIMARY),
          def("netkit/peer", ProgramType.SCHED_CLS, AttachType.NETKIT_PEER),
          def("tracepoint+", ProgramType.TRACEPOINT, null),
          def("tp+", ProgramType.TRACEPOINT, null),
          def("tracepoint.s+", ProgramType.TRACEPOINT, null, SectionFlag.SLEEPABLE),
          def("tp.s+", ProgramType.TRACEPOINT, null, SectionFlag.SLEEPABLE),
          def("raw_tracepoint+", ProgramType.RAW_TRACEPOINT, null),
          def("raw_tp+", ProgramType.RAW_TRACEPOINT, null),
          def("raw_tracepoint.s+", ProgramType.RAW_TRACEPOINT, null, SectionFlag.SLEEPABLE),
          def("raw_tp.s+", ProgramType.RAW_TRACEPOINT, null, SectionFlag.SLEEPABLE),
          def("raw_tracepoint.w+", ProgramType.RAW_TRACEPOINT_WRITABLE, null),
          def("raw_tp.w+", ProgramType.RAW_TRACEPOINT_WRITABLE, null),
          def("tp_btf+", ProgramType.TRACING, AttachType.TRACE_RAW_TP, SectionFlag.ATTACH_BTF),
          def(
              "tp_btf.s+",
              ProgramType.TRACING,
              AttachType.TRACE_RAW_TP,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def("fentry+", ProgramType.TRACING, AttachType.TRACE_FENTRY, SectionFlag.ATTACH_BTF),
          def("fmod_ret+", ProgramType.TRACING, AttachType.MODIFY_RETURN, SectionFlag.ATTACH_BTF),
          def("fexit+", ProgramType.TRACING, AttachType.TRACE_FEXIT, SectionFlag.ATTACH_BTF),
          def(
              "fentry.s+",
              ProgramType.TRACING,
              AttachType.TRACE_FENTRY,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def(
              "fmod_ret.s+",
              ProgramType.TRACING,
              AttachType.MODIFY_RETURN,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def(
              "fexit.s+",
              ProgramType.TRACING,
              AttachType.TRACE_FEXIT,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def("fsession+", ProgramType.TRACING, AttachType.TRACE_FSESSION, SectionFlag.ATTACH_BTF),
          def(
              "fsession.s+",
              ProgramType.TRACING,
              AttachType.TRACE_FSESSION,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def("fsession.multi+", ProgramType.TRACING, AttachType.TRACE_FSESSION_MULTI),
          def(
              "fsession.multi.s+",
              ProgramType.TRACING,
              AttachType.TRACE_FSESSION_MULTI,
              SectionFlag.SLEEPABLE),
          def("fentry.multi+", ProgramType.TRACING, AttachType.TRACE_FENTRY_MULTI),
          def("fexit.multi+", ProgramType.TRACING, AttachType.TRACE_FEXIT_MULTI),
          def(
              "fentry.multi.s+",
              ProgramType.TRACING,
              AttachType.TRACE_FENTRY_MULTI,
              SectionFlag.SLEEPABLE),
          def(
              "fexit.multi.s+",
              ProgramType.TRACING,
              AttachType.TRACE_FEXIT_MULTI,
              SectionFlag.SLEEPABLE),
          def("freplace+", ProgramType.EXT, null, SectionFlag.ATTACH_BTF),
          def("lsm+", ProgramType.LSM, AttachType.LSM_MAC, SectionFlag.ATTACH_BTF),
          def(
              "lsm.s+",
              ProgramType.LSM,
              AttachType.LSM_MAC,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def("lsm_cgroup+", ProgramType.LSM, AttachType.LSM_CGROUP, SectionFlag.ATTACH_BTF),
          def("iter+", ProgramType.TRACING, AttachType.TRACE_ITER, SectionFlag.ATTACH_BTF),
          def(
              "iter.s+",
              ProgramType.TRACING,
              AttachType.TRACE_ITER,
              SectionFlag.ATTACH_BTF,
              SectionFlag.SLEEPABLE),
          def("syscall", ProgramType.SYSCALL, null, SectionFlag.SLEEPABLE),
          def("xdp.frags/devmap", ProgramType.XDP, AttachType.XDP_DEVMAP, SectionFlag.XDP_FRAGS),
          def("xdp/devmap", ProgramType.XDP, AttachType.XDP_DEVMAP, SectionFlag.ATTACHABLE),
          def("xdp.frags/cpumap", ProgramType.XDP, AttachType.XDP_CPUMAP, SectionFlag.XDP_FRAGS),
          def("xdp/cpumap", ProgramType.XDP, AttachType.XDP_CPUMAP, SectionFlag.ATTACHABLE),
          def("xdp.frags", ProgramType.XDP, AttachType.XDP, SectionFlag.XDP_FRAGS),
          def(
              "xdp",
              ProgramType.XDP,
              AttachType.XDP,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def("perf_event", ProgramType.PERF_EVENT, null),
          def("lwt_in", ProgramType.LWT_IN, null),
          def("lwt_out", ProgramType.LWT_OUT, null),
          def("lwt_xmit", ProgramType.LWT_XMIT, null),
          def("lwt_seg6local", ProgramType.LWT_SEG6LOCAL, null),
          def(
              "sockops",
              ProgramType.SOCK_OPS,
              AttachType.CGROUP_SOCK_OPS,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "sk_skb/stream_parser",
              ProgramType.SK_SKB,
              AttachType.SK_SKB_STREAM_PARSER,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "sk_skb/stream_verdict",
              ProgramType.SK_SKB,
              AttachType.SK_SKB_STREAM_VERDICT,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "sk_skb/verdict",
              ProgramType.SK_SKB,
              AttachType.SK_SKB_VERDICT,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def("sk_skb", ProgramType.SK_SKB, null),
          def(
              "sk_msg",
              ProgramType.SK_MSG,
              AttachType.SK_MSG_VERDICT,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "lirc_mode2",
              ProgramType.LIRC_MODE2,
              AttachType.LIRC_MODE2,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "flow_dissector",
              ProgramType.FLOW_DISSECTOR,
              AttachType.FLOW_DISSECTOR,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "cgroup_skb/ingress",
              ProgramType.CGROUP_SKB,
              AttachType.CGROUP_INET_INGRESS,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "cgroup_skb/egress",
              ProgramType.CGROUP_SKB,
              AttachType.CGROUP_INET_EGRESS,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def("cgroup/skb", ProgramType.CGROUP_SKB, null),
          def(
              "cgroup/sock_create",
              ProgramType.CGROUP_SOCK,
              AttachType.CGROUP_INET_SOCK_CREATE,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/sock_release",
              ProgramType.CGROUP_SOCK,
              AttachType.CGROUP_INET_SOCK_RELEASE,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/sock",
              ProgramType.CGROUP_SOCK,
              AttachType.CGROUP_INET_SOCK_CREATE,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def(
              "cgroup/post_bind4",
              ProgramType.CGROUP_SOCK,
              AttachType.CGROUP_INET4_POST_BIND,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/post_bind6",
              ProgramType.CGROUP_SOCK,
              AttachType.CGROUP_INET6_POST_BIND,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/bind4",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET4_BIND,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/bind6",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET6_BIND,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/connect4",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET4_CONNECT,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/connect6",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET6_CONNECT,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/connect_unix",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UNIX_CONNECT,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/sendmsg4",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UDP4_SENDMSG,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/sendmsg6",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UDP6_SENDMSG,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/sendmsg_unix",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UNIX_SENDMSG,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/recvmsg4",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UDP4_RECVMSG,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/recvmsg6",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UDP6_RECVMSG,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/recvmsg_unix",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UNIX_RECVMSG,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getpeername4",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET4_GETPEERNAME,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getpeername6",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET6_GETPEERNAME,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getpeername_unix",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UNIX_GETPEERNAME,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getsockname4",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET4_GETSOCKNAME,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getsockname6",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_INET6_GETSOCKNAME,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getsockname_unix",
              ProgramType.CGROUP_SOCK_ADDR,
              AttachType.CGROUP_UNIX_GETSOCKNAME,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/sysctl",
              ProgramType.CGROUP_SYSCTL,
              AttachType.CGROUP_SYSCTL,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/getsockopt",
              ProgramType.CGROUP_SOCKOPT,
              AttachType.CGROUP_GETSOCKOPT,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/setsockopt",
              ProgramType.CGROUP_SOCKOPT,
              AttachType.CGROUP_SETSOCKOPT,
              SectionFlag.ATTACHABLE),
          def(
              "cgroup/dev",
              ProgramType.CGROUP_DEVICE,
              AttachType.CGROUP_DEVICE,
              SectionFlag.ATTACHABLE,
              SectionFlag.EXP_ATTACH_OPT),
          def("struct_ops+", ProgramType.STRUCT_OPS, null),
          def("struct_ops.s+", ProgramType.STRUCT_OPS, null, SectionFlag.SLEEPABLE),
          def("sk_lookup", ProgramType.SK_LOOKUP, AttachType.SK_LOOKUP, SectionFlag.ATTACHABLE),
          def("netfilter", ProgramType.NETFILTER, AttachType.NETFILTER));

  /** Every row, in libbpf's order. */
  public static List<SectionDef> all() {
    return ALL;
  }

  /**
   * The row section {@code name} matches, as libbpf's {@code find_sec_def}; {@code name} is the
   * section name without a leading {@code ?}. Empty when libbpf would not recognise the name (the
   * program then has type {@link ProgramType#UNSPEC} until the user sets one).
   */
  public static Optional<SectionDef> find(String name) {
    for (SectionDef d : ALL) {
      if (d.matches(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static SectionDef def(
      String pattern, ProgramType type, @Nullable AttachType attach, SectionFlag... flags) {
    EnumSet<SectionFlag> set = EnumSet.noneOf(SectionFlag.class);
    for (SectionFlag f : flags) {
      set.add(f);
    }
    return new SectionDef(pattern, type, attach, set);
  }
}
