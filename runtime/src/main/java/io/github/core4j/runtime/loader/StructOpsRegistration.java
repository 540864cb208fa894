package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.map.BpfMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code struct_ops} map registered with the kernel (its value written with the programs' fds, as
 * libbpf's {@code bpf_map__attach_struct_ops} does for maps without {@code BPF_F_LINK}): the kernel
 * now calls the programs (a TCP congestion control is selectable by name). Closing unregisters it,
 * once.
 */
public final class StructOpsRegistration implements AutoCloseable {
  private final BpfMap map;
  private final AtomicBoolean registered = new AtomicBoolean(true);

  StructOpsRegistration(BpfMap map) {
    this.map = map;
  }

  /** The registered map. */
  public BpfMap map() {
    return map;
  }

  /** Unregisters the struct_ops (deletes the map's only element). */
  @Override
  public void close() {
    if (registered.compareAndSet(true, false) && map.fd().isOpen()) {
      map.delete(new byte[4]);
    }
  }
}
