/**
 * How each family of relocation kinds turns a resolved {@link io.github.core4j.reloc.AccessSpec}
 * into the number patched into the instruction — one class per family, computed the same way for
 * the local spec (the value the compiler put in) and for the target spec (the new value): {@link
 * io.github.core4j.reloc.kind.FieldRelocation}, {@link io.github.core4j.reloc.kind.TypeRelocation},
 * {@link io.github.core4j.reloc.kind.EnumRelocation}.
 */
package io.github.core4j.reloc.kind;
