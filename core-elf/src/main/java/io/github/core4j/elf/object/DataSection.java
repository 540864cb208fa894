package io.github.core4j.elf.object;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A global data section libbpf turns into an internal map ({@code .data}, {@code .rodata}, {@code
 * .bss}, their {@code .data.*}-style variants, and the {@code .kconfig} externs), with its
 * variables.
 *
 * @param name the ELF section name ({@code ".rodata.limits"}); {@code ".kconfig"} for the kconfig
 *     externs, which have no section
 * @param mapName the name of the internal map that holds the section
 * @param kind {@link MapKind#DATA}, {@link MapKind#RODATA}, {@link MapKind#BSS} or {@link
 *     MapKind#KCONFIG}
 * @param sectionIndex the ELF section index, -1 for {@code .kconfig}
 * @param size the section (and map value) size in bytes
 * @param datasecId the BTF id of the section's {@code DATASEC}, 0 when there is none
 * @param initialData the initial bytes of {@code .data} and {@code .rodata} sections (a read-only
 *     view in the object's byte order); empty for {@code .bss} and {@code .kconfig}, which start
 *     zeroed
 * @param variables the variables, ordered by offset
 */
public record DataSection(
    String name,
    String mapName,
    MapKind kind,
    int sectionIndex,
    long size,
    int datasecId,
    ByteBuffer initialData,
    List<GlobalVariable> variables) {

  /** Makes the data read-only and copies the variable list. */
  public DataSection {
    initialData = initialData.asReadOnlyBuffer().order(initialData.order());
    variables = List.copyOf(variables);
  }

  /** The initial bytes (a fresh read-only view positioned at 0). */
  @Override
  public ByteBuffer initialData() {
    return initialData.duplicate().order(initialData.order());
  }

  /** The variable named {@code name}. */
  public Optional<GlobalVariable> variable(String name) {
    for (GlobalVariable v : variables) {
      if (v.name().equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The variable whose bytes include section offset {@code offset}. */
  public Optional<GlobalVariable> variableAt(long offset) {
    for (GlobalVariable v : variables) {
      if (offset >= v.offset() && offset < v.offset() + Math.max(v.size(), 1)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
