package io.github.core4j.btf.ext;

import java.util.List;

/**
 * The records of one kind (function info, line info or CO-RE relocations) that belong to one ELF
 * section, for example {@code "kprobe/do_exit"} or {@code ".text"}, in the order they are stored.
 * The position of a CO-RE relocation in {@link #records} is libbpf's {@code relo #N}.
 */
public record BtfExtSection<R>(String name, List<R> records) {
  /** Copies the record list so the record stays immutable. */
  public BtfExtSection {
    records = List.copyOf(records);
  }
}
