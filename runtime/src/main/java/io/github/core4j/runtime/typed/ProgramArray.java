package io.github.core4j.runtime.typed;

import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.prog.BpfProgram;
import java.nio.ByteOrder;

/** A {@code prog_array} map (tail calls): slot {@code i} holds a program or nothing. */
public final class ProgramArray {
  private final BpfMap map;
  private final Codec<Integer> fds = Codec.int32(ByteOrder.nativeOrder());

  /** A view of {@code map}. */
  public ProgramArray(BpfMap map) {
    this.map = map;
  }

  /** Puts {@code program} into slot {@code i}. */
  public void set(int i, BpfProgram program) {
    map.update(fds.toBytes(i), fds.toBytes(program.fd().value()));
  }

  /** Empties slot {@code i}; false when it was empty. */
  public boolean clear(int i) {
    return map.delete(fds.toBytes(i));
  }

  /** The untyped map underneath. */
  public BpfMap raw() {
    return map;
  }
}
