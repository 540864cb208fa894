package io.github.core4j.elf.object;

import java.util.Optional;

/**
 * A constant of one of the kernel's closed sets (program, map, attach and link types): its numeric
 * value in the uapi and the name libbpf and bpftool print for it. Lookups by either are shared
 * here.
 */
public interface KernelConstant {
  /** The kernel's numeric value. */
  int value();

  /** libbpf's and bpftool's name for it. */
  String libbpfName();

  /** The constant of enum {@code type} with kernel value {@code value}. */
  static <E extends Enum<E> & KernelConstant> Optional<E> byValue(Class<E> type, int value) {
    for (E e : type.getEnumConstants()) {
      if (e.value() == value) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The constant of enum {@code type} libbpf calls {@code name}. */
  static <E extends Enum<E> & KernelConstant> Optional<E> byLibbpfName(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.libbpfName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
