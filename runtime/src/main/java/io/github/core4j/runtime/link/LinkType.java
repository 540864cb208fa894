package io.github.core4j.runtime.link;

import io.github.core4j.elf.object.KernelConstant;
import java.util.Optional;

/** The kernel's link types ({@code enum bpf_link_type}) with numbers and libbpf's names. */
public enum LinkType implements KernelConstant {
  UNSPEC(0, "unspec"),
  RAW_TRACEPOINT(1, "raw_tracepoint"),
  TRACING(2, "tracing"),
  CGROUP(3, "cgroup"),
  ITER(4, "iter"),
  NETNS(5, "netns"),
  XDP(6, "xdp"),
  PERF_EVENT(7, "perf_event"),
  KPROBE_MULTI(8, "kprobe_multi"),
  STRUCT_OPS(9, "struct_ops"),
  NETFILTER(10, "netfilter"),
  TCX(11, "tcx"),
  UPROBE_MULTI(12, "uprobe_multi"),
  NETKIT(13, "netkit"),
  SOCKMAP(14, "sockmap"),
  TRACING_MULTI(15, "tracing_multi");

  private final int value;
  private final String libbpfName;

  LinkType(int value, String libbpfName) {
    this.value = value;
    this.libbpfName = libbpfName;
  }

  @Override
  public int value() {
    return value;
  }

  /** libbpf's and bpftool's name for it (as {@code libbpf_bpf_link_type_str} returns). */
  @Override
  public String libbpfName() {
    return libbpfName;
  }

  /** The constant with kernel value {@code value}. */
  public static Optional<LinkType> ofValue(int value) {
    return KernelConstant.byValue(LinkType.class, value);
  }

  /** The constant libbpf calls {@code name} (for example {@code "xdp"}). */
  public static Optional<LinkType> ofLibbpfName(String name) {
    return KernelConstant.byLibbpfName(LinkType.class, name);
  }

  @Override
  public String toString() {
    return libbpfName;
  }
}
