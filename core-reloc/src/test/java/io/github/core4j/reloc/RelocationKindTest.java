package io.github.core4j.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kinds carry the kernel's {@code enum bpf_core_relo_kind} numbers and libbpf's names. */
class RelocationKindTest {
  @Test
  void numbersAndNamesAreTheKernelsAndLibbpfs() {
    String[] names = {
      "byte_off",
      "byte_sz",
      "field_exists",
      "signed",
      "lshift_u64",
      "rshift_u64",
      "local_type_id",
      "target_type_id",
      "type_exists",
      "type_size",
      "enumval_exists",
      "enumval_value",
      "type_matches"
    };
    for (int i = 0; i < names.length; i++) {
      RelocationKind k = RelocationKind.ofValue(i);
      assertEquals(i, k.value());
      assertEquals(names[i], k.shortName());
      assertEquals(k, RelocationKind.ofShortName(names[i]));
    }
    assertEquals(RelocationKind.UNKNOWN, RelocationKind.ofValue(13));
    assertEquals(RelocationKind.UNKNOWN, RelocationKind.ofValue(-1));
    assertEquals("unknown", RelocationKind.UNKNOWN.shortName());
  }

  @Test
  void familiesDecideHowAccessStringsAreRead() {
    assertEquals(RelocationKind.Family.FIELD, RelocationKind.FIELD_RSHIFT_U64.family());
    assertEquals(RelocationKind.Family.TYPE, RelocationKind.TYPE_MATCHES.family());
    assertEquals(RelocationKind.Family.TYPE, RelocationKind.TYPE_ID_LOCAL.family());
    assertEquals(RelocationKind.Family.ENUMVAL, RelocationKind.ENUMVAL_VALUE.family());
  }
}
