package io.github.core4j.elf.object;

/**
 * A statically initialised slot of a map-in-map or {@code prog_array} ({@code .values = { [1] = &x
 * }}), resolved through the {@code .rel.maps} relocation that fills it.
 *
 * @param index the slot (the map key)
 * @param target the name of the map (for {@code array_of_maps}/{@code hash_of_maps}) or of the
 *     entry program (for {@code prog_array}) placed there
 */
public record MapSlot(int index, String target) {}
