package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * libbpf's naming of objects ({@code bpf_object__new}) and internal maps ({@code
 * internal_map_name}), with the examples its source comments give and names from the corpus.
 */
class InternalMapNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "xdp_filter.bpf.o, xdp_filter",
    "/tmp/objs/xdp_filter.bpfel.o, xdp_filter",
    "ringbuf_events.bpfel.o, ringbuf_events",
    "a_very_long_object_name.bpf.o, a_very_long_obj",
    "noext, noext",
  })
  void objectNameIsTheBaseNameCutAt15CharactersThenAtTheFirstDot(String file, String name) {
    assertEquals(name, InternalMapNames.objectName(file));
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "my_object_name, .rodata, my_objec.rodata",
    "my_object_name, .bss, my_objec.bss",
    "my_object_name, .kconfig, my_obje.kconfig",
    "my_object_name, .rodata.abracadabra, .rodata.abracad",
    "xdp_filter, .rodata, xdp_filt.rodata",
    "globals, .kconfig, globals.kconfig",
    "globals, .rodata.limits, .rodata.limits",
    "globals, .data.stats, .data.stats",
    "ab, .bss, ab.bss",
    "obj-with-dash, .data, obj_with.data",
    "x, .rodata.str1.1, .rodata.str1.1",
  })
  void internalMapNamesKeepSevenCharactersForTheSection(String object, String section, String map) {
    assertEquals(map, InternalMapNames.mapName(object, section));
  }
}
