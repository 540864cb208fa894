package io.github.core4j.elf.object;

/** How libbpf fills a {@code .kconfig} extern from a config value ({@code enum kcfg_type}). */
public enum KconfigType {
  /** A 1-byte {@code bool}: {@code y} is true, {@code n} false. */
  BOOL,
  /** A 1-byte {@code char}: the config character. */
  CHAR,
  /** {@code enum libbpf_tristate}: {@code y}, {@code m} or {@code n}. */
  TRISTATE,
  /** An integer of 1, 2, 4 or 8 bytes. */
  INT,
  /** A {@code char[N]} string. */
  CHAR_ARRAY
}
