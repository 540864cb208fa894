package io.github.core4j.runtime.loader;

import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;

/**
 * Load failures decided by the loader itself rather than by a kernel call (an unresolved extern, a
 * CO-RE relocation that cannot be applied), as {@link BpfException}s with the errno libbpf returns
 * for them.
 */
final class LoadFailure {
  private LoadFailure() {}

  /** {@code step} failed for {@code what} in {@code obj}; errno {@code EINVAL}. */
  static BpfException of(BpfObject obj, String step, String what) {
    return of(obj, step, what, Errno.EINVAL);
  }

  /** {@code step} failed for {@code what} in {@code obj} with {@code errno}. */
  static BpfException of(BpfObject obj, String step, String what, Errno errno) {
    return new BpfException(step, obj.source() + ": " + what, errno.value());
  }
}
