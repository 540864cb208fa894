package io.github.core4j.runtime.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * The object's {@code fd_array}, as libbpf builds it: module BTF fds that kfunc calls name by index
 * in their {@code off} field; index 0 stays unused (0 means vmlinux), each fd gets one index.
 */
final class FdArray {
  private final List<Integer> fds = new ArrayList<>(List.of(0));

  /** The index of {@code fd}, added on first use. */
  int indexOf(int fd) {
    int i = fds.indexOf(fd);
    if (i > 0) {
      return i;
    }
    if (fds.size() > Short.MAX_VALUE) {
      throw new IllegalStateException("fd_array is full (" + Short.MAX_VALUE + " module BTFs)");
    }
    fds.add(fd);
    return fds.size() - 1;
  }

  /** The array for {@code BPF_PROG_LOAD}; empty when no module BTF is used. */
  List<Integer> toList() {
    return fds.size() == 1 ? List.of() : List.copyOf(fds);
  }
}
