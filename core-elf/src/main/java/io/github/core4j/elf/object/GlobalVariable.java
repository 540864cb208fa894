package io.github.core4j.elf.object;

import io.github.core4j.btf.BtfLinkage;

/**
 * A variable of a global data section, from the section's BTF {@code DATASEC} (or, in objects
 * without BTF, from the ELF symbol table).
 *
 * @param name the C name; static variables inside functions have clang's mangled names such as
 *     {@code "____count_switches.____fmt"}
 * @param offset byte offset in the section, which is also the offset in the internal map's value;
 *     for global variables libbpf takes it from the ELF symbol (clang 16 writes 0 into {@code
 *     DATASEC})
 * @param size size in bytes
 * @param typeId BTF type id of the variable's type (the {@code VAR}'s type), 0 without BTF
 * @param varId BTF type id of the {@code VAR} itself, 0 without BTF
 * @param linkage libbpf's view: {@code GLOBAL} for global variables the skeleton exposes, {@code
 *     STATIC} for static ones and for globals with hidden or internal visibility
 */
public record GlobalVariable(
    String name, long offset, long size, int typeId, int varId, BtfLinkage linkage) {

  /** Whether a skeleton exposes the variable (libbpf: not static, not hidden). */
  public boolean isExposed() {
    return linkage != BtfLinkage.STATIC;
  }
}
