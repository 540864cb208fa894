package io.github.core4j.runtime.map;

/** How {@code BPF_MAP_UPDATE_ELEM} treats an existing (or missing) key. */
public enum UpdateFlag {
  /** {@code BPF_ANY}: create or replace. */
  ANY(0),
  /** {@code BPF_NOEXIST}: create only; EEXIST if the key is there. */
  NOEXIST(1),
  /** {@code BPF_EXIST}: replace only; ENOENT if the key is missing. */
  EXIST(2);

  /** {@code BPF_F_LOCK}: or into the flags to update under the value's {@code bpf_spin_lock}. */
  public static final long LOCK = 4;

  private final long value;

  UpdateFlag(long value) {
    this.value = value;
  }

  /** The kernel's value for {@code flags}. */
  public long value() {
    return value;
  }
}
