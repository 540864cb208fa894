package io.github.core4j.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Java names from C names, as the design's skeleton shape spells them. */
class JavaNamesTest {
  @ParameterizedTest
  @CsvSource({
    "drop_icmp, dropIcmp",
    "filter_packet, filterPacket",
    "MAX_LEN, maxLen",
    "__pad, pad",
    "x, x",
    "new, new_",
    "class, class_",
    "lastCPU, lastCPU",
    "_, value",
  })
  void membersAndMethodsAreLowerCamelCase(String c, String java) {
    assertEquals(java, JavaNames.lowerCamel(c));
  }

  @ParameterizedTest
  @CsvSource({
    "xdp_filter, XdpFilter",
    "v4_rule_key, V4RuleKey",
    ".rodata.limits, RodataLimits",
    ".bss, Bss",
    "4x, _4x",
    "event, Event",
  })
  void typesAreUpperCamelCase(String c, String java) {
    assertEquals(java, JavaNames.upperCamel(c));
  }
}
