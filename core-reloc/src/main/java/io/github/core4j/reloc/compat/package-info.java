/**
 * The three relations CO-RE uses to decide whether a target type can stand in for a local one, each
 * in its own class, exactly as libbpf defines them: {@link
 * io.github.core4j.reloc.compat.FieldCompatibility} for the type of a matched field, {@link
 * io.github.core4j.reloc.compat.TypeCompatibility} for type relocations and {@link
 * io.github.core4j.reloc.compat.TypeMatching} for {@code type_matches}.
 */
package io.github.core4j.reloc.compat;
