package io.github.core4j.examples.xdpfilter;

import io.github.core4j.examples.xdpfilter.bpf.XdpFilter;
import io.github.core4j.examples.xdpfilter.bpf.XdpFilter.V4RuleKey;
import io.github.core4j.examples.xdpfilter.bpf.XdpFilter.V6RuleKey;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One block rule: packets from {@code source} to destination port {@code port} (0: any port) are
 * dropped and counted under rule {@code id}.
 *
 * @param id the rule's index into the program's per-rule drop counters (below 256)
 * @param source the source address, IPv4 or IPv6
 * @param port the TCP/UDP destination port, 0 for any
 */
public record Rule(int id, InetAddress source, int port) {
  /** As many rules as the program has counters ({@code MAX_RULES}). */
  public static final int MAX_RULES = 256;

  /** Checks the id and port ranges. */
  public Rule {
    if (id < 0 || id >= MAX_RULES) {
      throw new IllegalArgumentException("rule id " + id + " is not in [0, " + MAX_RULES + ")");
    }
    if (port < 0 || port > 0xffff) {
      throw new IllegalArgumentException("port " + port + " is not in [0, 65535]");
    }
  }

  /**
   * Parses {@code 192.0.2.1}, {@code 192.0.2.1:80}, {@code 2001:db8::1} or {@code [2001:db8::1]:80}
   * (address literals only: nothing is looked up).
   */
  public static Rule parse(int id, String text) {
    String address = text;
    int port = 0;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(text + ": missing ']'");
      }
      address = text.substring(1, close);
      if (close + 1 < text.length()) {
        if (text.charAt(close + 1) != ':') {
          throw new IllegalArgumentException(text + ": expected ':PORT' after ']'");
        }
        port = port(text, text.substring(close + 2));
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      address = text.substring(0, text.indexOf(':'));
      port = port(text, text.substring(text.indexOf(':') + 1));
    }
    return new Rule(id, literal(text, address), port);
  }

  private static int port(String rule, String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(rule + ": '" + port + "' is not a port number", e);
    }
  }

  private static InetAddress literal(String rule, String address) {
    boolean v4 = address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    if (!v4 && !v6) {
      throw new IllegalArgumentException(rule + ": '" + address + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(rule + ": '" + address + "' is not an IP address", e);
    }
  }

  /** Whether the rule is for IPv6 sources. */
  public boolean isV6() {
    return source instanceof Inet6Address;
  }

  /** Adds the rule to the skeleton's block-list (after load). */
  public void addTo(XdpFilter skel) {
    if (source instanceof Inet4Address) {
      skel.maps().blocklistV4().update(v4Key(), id);
    } else {
      skel.maps().blocklistV6().update(v6Key(), id);
    }
  }

  /** The {@code struct v4_rule_key} of an IPv4 rule: address and port in network byte order. */
  public V4RuleKey v4Key() {
    int saddr = ByteBuffer.wrap(source.getAddress()).order(XdpFilter.BYTE_ORDER).getInt();
    return new V4RuleKey(saddr, networkOrder(port), (short) 0);
  }

  /** The {@code struct v6_rule_key} of an IPv6 rule: address and port in network byte order. */
  public V6RuleKey v6Key() {
    return new V6RuleKey(source.getAddress(), networkOrder(port), (short) 0);
  }

  /** A {@code __be16} as the skeleton stores it: the value whose bytes in memory are big-endian. */
  private static short networkOrder(int port) {
    byte[] be = ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) port).array();
    return ByteBuffer.wrap(be).order(XdpFilter.BYTE_ORDER).getShort();
  }

  @Override
  public String toString() {
    String a = source.getHostAddress();
    String where = isV6() ? "[" + a + "]" : a;
    return "rule " + id + " " + where + (port == 0 ? ":*" : ":" + port);
  }
}
