package io.github.core4j.reloc.btfgen;

import io.github.core4j.reloc.RelocationKind;

/**
 * A relocation that fails against the full target BTF — libbpf would refuse to load its object
 * there. The minimized BTF keeps what it takes to fail the same way.
 *
 * @param object the object's name
 * @param section the ELF section of the program
 * @param index libbpf's {@code relo #N} within the section
 * @param kind the relocation kind
 * @param message why it fails
 */
public record RelocationFailure(
    String object, String section, int index, RelocationKind kind, String message) {
  @Override
  public String toString() {
    return object + ": " + section + " relo #" + index + " <" + kind.shortName() + ">: " + message;
  }
}
