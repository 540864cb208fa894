package io.github.core4j.elf.object;

/**
 * What a libbpf section definition says about its programs beyond the type (libbpf's {@code
 * SEC_*}).
 */
public enum SectionFlag {
  /** The expected attach type may be dropped on kernels that do not know it. */
  EXP_ATTACH_OPT,
  /** Historically attached with {@code BPF_PROG_ATTACH}; only informative today. */
  ATTACHABLE,
  /** The attach target is a BTF id, named after the {@code /} of the section name. */
  ATTACH_BTF,
  /** Loaded with {@code BPF_F_SLEEPABLE}. */
  SLEEPABLE,
  /** An XDP program loaded with {@code BPF_F_XDP_HAS_FRAGS}. */
  XDP_FRAGS,
  /** A USDT probe (libbpf switches it to {@code uprobe_multi} where the kernel has that). */
  USDT
}
