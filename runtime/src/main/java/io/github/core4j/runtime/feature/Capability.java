package io.github.core4j.runtime.feature;

/** The Linux capabilities that gate BPF, with their bit numbers. */
public enum Capability {
  /** {@code CAP_NET_ADMIN}: networking programs (XDP, TC) and their attachment. */
  NET_ADMIN(12),
  /** {@code CAP_SYS_ADMIN}: everything, on kernels before 5.8 the only way to use bpf(). */
  SYS_ADMIN(21),
  /** {@code CAP_SYS_RESOURCE}: raising RLIMIT_MEMLOCK, which kernels before 5.11 charge maps to. */
  SYS_RESOURCE(24),
  /** {@code CAP_PERFMON} (5.8+): tracing programs, pointer reads, perf events. */
  PERFMON(38),
  /** {@code CAP_BPF} (5.8+): loading programs and creating maps. */
  BPF(39);

  private final int bit;

  Capability(int bit) {
    this.bit = bit;
  }

  /** The capability's number, its bit in the {@code CapEff} mask. */
  public int bit() {
    return bit;
  }
}
