package io.github.core4j.reloc.matrix.elf;

import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.reach.Code;
import java.util.List;
import java.util.Map;

/**
 * An object's CO-RE relocations against one kernel: every record in libbpf's order with its
 * outcome, the code as patched, and the verdict per program.
 *
 * @param records the relocated records, in libbpf's order ({@code .BTF.ext} sections, then records)
 * @param patchedCode the instructions of each code section that has records, by ELF section index,
 *     after patching
 * @param code all code sections after patching, as reachability saw them
 * @param cells one cell per entry program, in the object's order
 */
public record ObjectRelocation(
    List<RelocatedRecord> records, Map<Integer, byte[]> patchedCode, Code code, List<Cell> cells) {
  /** Copies the lists so the record stays immutable (the byte arrays are shared). */
  public ObjectRelocation {
    records = List.copyOf(records);
    patchedCode = Map.copyOf(patchedCode);
    cells = List.copyOf(cells);
  }

  /** Whether every program loads as far as CO-RE relocation decides it. */
  public boolean loads() {
    for (Cell c : cells) {
      if (!c.ok()) {
        return false;
      }
    }
    return true;
  }
}
