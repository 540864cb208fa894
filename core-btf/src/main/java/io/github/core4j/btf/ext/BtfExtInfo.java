package io.github.core4j.btf.ext;

import java.util.List;
import java.util.Optional;

/**
 * One subsection of {@code .BTF.ext}: the record size as stored (records larger than core4j knows
 * have their extra trailing bytes ignored) and the per-ELF-section record lists, in stored order.
 * An absent subsection has record size 0 and no sections.
 */
public record BtfExtInfo<R>(int recordSize, List<BtfExtSection<R>> sections) {
  /** Copies the section list so the record stays immutable. */
  public BtfExtInfo {
    sections = List.copyOf(sections);
  }

  /** The records of ELF section {@code name}, if the subsection has any. */
  public Optional<BtfExtSection<R>> section(String name) {
    for (BtfExtSection<R> s : sections) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The number of records over all sections. */
  public int recordCount() {
    int n = 0;
    for (BtfExtSection<R> s : sections) {
      n += s.records().size();
    }
    return n;
  }
}
