package io.github.core4j.examples.xdpfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleTest {
  @Test
  void anIpv4AddressAloneBlocksEveryPort() {
    Rule r = Rule.parse(3, "192.0.2.1");
    assertEquals(0, r.port());
    assertFalse(r.isV6());
    assertEquals("rule 3 192.0.2.1:*", r.toString());
  }

  @Test
  void anIpv4AddressWithAPort() {
    assertEquals("rule 0 192.0.2.1:80", Rule.parse(0, "192.0.2.1:80").toString());
  }

  @Test
  void ipv6AddressesTakeTheirPortAfterBrackets() {
    Rule r = Rule.parse(1, "[2001:db8::1]:443");
    assertTrue(r.isV6());
    assertEquals(443, r.port());
    assertEquals(0, Rule.parse(2, "2001:db8::1").port());
  }

  @Test
  void keysHoldAddressAndPortInNetworkByteOrder() {
    Rule r = Rule.parse(0, "192.0.2.1:80");
    byte[] key = r.v4Key().toBytes();
    assertEquals(8, key.length);
    assertEquals(192, key[0] & 0xff);
    assertEquals(1, key[3] & 0xff);
    assertEquals(0, key[4]);
    assertEquals(80, key[5]);

    byte[] v6 = Rule.parse(0, "[2001:db8::1]:443").v6Key().toBytes();
    assertEquals(0x20, v6[0]);
    assertEquals(1, v6[15]);
    assertEquals(443 >> 8, v6[16]);
    assertEquals(443 & 0xff, v6[17] & 0xff);
  }

  @Test
  void hostNamesAreNotLookedUp() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rule.parse(0, "example.com:80"));
    assertEquals("example.com:80: 'example.com' is not an IP address", e.getMessage());
  }

  @Test
  void badPortsAndIdsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Rule.parse(0, "192.0.2.1:http"));
    assertThrows(IllegalArgumentException.class, () -> Rule.parse(0, "192.0.2.1:70000"));
    assertThrows(IllegalArgumentException.class, () -> Rule.parse(256, "192.0.2.1"));
  }
}
