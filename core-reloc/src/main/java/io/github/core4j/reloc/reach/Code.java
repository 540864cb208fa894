package io.github.core4j.reloc.reach;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The code of a BPF object as reachability sees it: the raw instructions of each executable section
 * (after CO-RE patching), in the object's byte order, and where the calls and function references
 * that the ELF relocates point.
 *
 * <p>A {@code call} to a subprogram in another section ({@code .text}) carries an ELF relocation
 * against a symbol there: the callee is at {@code symbol value / 8 + imm + 1}. A {@code call}
 * without one stays in its own section, at {@code pc + imm + 1}. A 64-bit immediate load relocated
 * against code is a callback's address ({@code bpf_loop}, {@code bpf_for_each_map_elem}): the
 * callback is at {@code (symbol value + imm) / 8}. These are libbpf's rules.
 */
public final class Code {
  private final ByteOrder order;
  private final Map<Integer, byte[]> sections = new HashMap<>();
  private final Map<Long, Reference> references = new HashMap<>();

  /**
   * Where a relocated instruction points: a symbol's section (0 for an undefined symbol; not
   * necessarily code) and value (bytes).
   */
  public record Reference(int section, long symbolValue) {}

  /** Empty code in {@code order}. */
  public Code(ByteOrder order) {
    this.order = order;
  }

  /** The byte order of the instructions. */
  public ByteOrder order() {
    return order;
  }

  /** Adds (or replaces) the instructions of section {@code index}. */
  public Code section(int index, byte[] insns) {
    sections.put(index, insns);
    return this;
  }

  /**
   * Records that instruction {@code insn} of {@code section} carries an ELF relocation against a
   * symbol of {@code targetSection} (code, data, or 0 for undefined): an immediate the loader fills
   * in, unknown until then unless it is code.
   */
  public Code reference(int section, int insn, int targetSection, long symbolValue) {
    references.put(position(section, insn), new Reference(targetSection, symbolValue));
    return this;
  }

  /** The instructions of a section, or null when it is not code. */
  public byte @Nullable [] insns(int section) {
    return sections.get(section);
  }

  /** The reference relocated into {@code insn} of {@code section}, if any. */
  public @Nullable Reference reference(int section, int insn) {
    return references.get(position(section, insn));
  }

  /** A copy sharing the references but with section {@code index}'s instructions replaced. */
  public Code with(int index, byte[] insns) {
    Code c = new Code(order);
    c.sections.putAll(sections);
    c.references.putAll(references);
    c.sections.put(index, insns);
    return c;
  }

  /** One number for a (section, instruction) position. */
  public static long position(int section, int insn) {
    return (long) section << 32 | Integer.toUnsignedLong(insn);
  }

  /** The section of a {@link #position}. */
  public static int sectionOf(long position) {
    return (int) (position >>> 32);
  }

  /** The instruction index of a {@link #position}. */
  public static int insnOf(long position) {
    return (int) position;
  }
}
