package io.github.core4j.runtime.loader;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Ethernet frames for XDP test runs, built as {@code testdata/bpf/verify_xdp.sh} builds them: IPv4
 * (with header checksum) or IPv6, carrying UDP, TCP (SYN by default), ICMP or ICMPv6, optionally
 * 802.1Q-tagged.
 */
final class Frames {
  static final int TCP_SYN = 0x02;
  static final int TCP_ACK = 0x10;
  static final int XDP_DROP = 1;
  static final int XDP_PASS = 2;

  private Frames() {}

  static byte[] udp4(String src, String dst, int dport) {
    return ipv4(src, dst, 17, l4Udp(dport), -1);
  }

  static byte[] tcp4(String src, String dst, int dport) {
    return ipv4(src, dst, 6, l4Tcp(dport, TCP_SYN), -1);
  }

  static byte[] tcp4(String src, String dst, int dport, int flags) {
    return ipv4(src, dst, 6, l4Tcp(dport, flags), -1);
  }

  static byte[] udp4Vlan(String src, String dst, int dport, int vlan) {
    return ipv4(src, dst, 17, l4Udp(dport), vlan);
  }

  static byte[] icmp4(String src, String dst) {
    return ipv4(src, dst, 1, new byte[] {8, 0, 0, 0, 0, 1, 0, 1, 'p', 'i', 'n', 'g'}, -1);
  }

  static byte[] udp6(String src, String dst, int dport) {
    return ipv6(src, dst, 17, l4Udp(dport));
  }

  static byte[] tcp6(String src, String dst, int dport) {
    return ipv6(src, dst, 6, l4Tcp(dport, TCP_SYN));
  }

  static byte[] icmp6(String src, String dst) {
    return ipv6(src, dst, 58, new byte[] {(byte) 128, 0, 0, 0, 0, 1, 0, 1, 'p', 'i', 'n', 'g'});
  }

  static byte[] arp() {
    return eth(0x0806, new byte[28], -1);
  }

  static byte[] truncatedIpv4() {
    return eth(0x0800, new byte[] {0x45, 0x00}, -1);
  }

  private static byte[] l4Udp(int dport) {
    return ByteBuffer.allocate(12)
        .putShort((short) 40000)
        .putShort((short) dport)
        .putShort((short) 12)
        .putShort((short) 0)
        .put(new byte[] {'k', 'n', 'o', 'k'})
        .array();
  }

  private static byte[] l4Tcp(int dport, int flags) {
    return ByteBuffer.allocate(20)
        .putShort((short) 40000)
        .putShort((short) dport)
        .putInt(1)
        .putInt(0)
        .put((byte) (5 << 4))
        .put((byte) flags)
        .putShort((short) 65535)
        .putShort((short) 0)
        .putShort((short) 0)
        .array();
  }

  private static byte[] ipv4(String src, String dst, int proto, byte[] body, int vlan) {
    ByteBuffer ip = ByteBuffer.allocate(20 + body.length);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + body.length)).putShort((short) 1);
    ip.putShort((short) 0).put((byte) 64).put((byte) proto).putShort((short) 0);
    ip.put(address(src)).put(address(dst));
    ip.putShort(10, (short) checksum(ip.array(), 20));
    ip.put(body);
    return eth(0x0800, ip.array(), vlan);
  }

  private static byte[] ipv6(String src, String dst, int proto, byte[] body) {
    ByteBuffer ip = ByteBuffer.allocate(40 + body.length);
    ip.putInt(6 << 28).putShort((short) body.length).put((byte) proto).put((byte) 64);
    ip.put(address(src)).put(address(dst)).put(body);
    return eth(0x86DD, ip.array(), -1);
  }

  private static byte[] eth(int ethertype, byte[] payload, int vlan) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1});
    if (vlan >= 0) {
      out.writeBytes(new byte[] {(byte) 0x81, 0x00, (byte) (vlan >> 8), (byte) vlan});
    }
    out.writeBytes(new byte[] {(byte) (ethertype >> 8), (byte) ethertype});
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] address(String a) {
    try {
      return InetAddress.getByName(a).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(a, e);
    }
  }

  private static int checksum(byte[] b, int len) {
    int sum = 0;
    for (int i = 0; i < len; i += 2) {
      sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return ~sum & 0xffff;
  }
}
