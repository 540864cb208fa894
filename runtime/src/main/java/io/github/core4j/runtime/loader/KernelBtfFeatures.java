package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.feature.KernelRelease;

/**
 * Which BTF kinds and flags the running kernel accepts in {@code BPF_BTF_LOAD}, decided from the
 * kernel version (the release that added each kind) instead of libbpf's probe loads.
 *
 * @param btf {@code BPF_BTF_LOAD} itself (4.18)
 * @param func {@code FUNC}/{@code FUNC_PROTO}, and with them func and line info (4.20)
 * @param datasec {@code VAR}/{@code DATASEC} (5.2)
 * @param funcGlobal global {@code FUNC} linkage (5.6)
 * @param floats {@code FLOAT} (5.13)
 * @param declTag {@code DECL_TAG} (5.16)
 * @param typeTag {@code TYPE_TAG} (5.17)
 * @param enum64 {@code ENUM64} and signed enums (6.0)
 */
record KernelBtfFeatures(
    boolean btf,
    boolean func,
    boolean datasec,
    boolean funcGlobal,
    boolean floats,
    boolean declTag,
    boolean typeTag,
    boolean enum64) {

  /** What {@code kernel} accepts. */
  static KernelBtfFeatures of(KernelRelease kernel) {
    return new KernelBtfFeatures(
        kernel.atLeast("4.18"),
        kernel.atLeast("4.20"),
        kernel.atLeast("5.2"),
        kernel.atLeast("5.6"),
        kernel.atLeast("5.13"),
        kernel.atLeast("5.16"),
        kernel.atLeast("5.17"),
        kernel.atLeast("6.0"));
  }

  /** Whether some kind the object may use must be rewritten for this kernel. */
  boolean needsSanitizing() {
    return !(func && datasec && funcGlobal && floats && declTag && typeTag && enum64);
  }
}
