package io.github.core4j.examples.testkit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Ethernet frames built byte by byte, as a NIC would hand them to an XDP program: Ethernet II
 * (optionally one 802.1Q tag), IPv4 (20-byte header, checksummed) or IPv6 (40 bytes), then a UDP
 * header, a TCP header with the given flags, or an ICMP echo request, and a few payload bytes.
 * Multi-byte fields are in network byte order.
 */
public final class Frames {
  /** TCP SYN flag. */
  public static final int SYN = 0x02;

  /** TCP ACK flag. */
  public static final int ACK = 0x10;

  private static final int ETH_P_IP = 0x0800;
  private static final int ETH_P_IPV6 = 0x86DD;
  private static final int ETH_P_8021Q = 0x8100;
  private static final int IPPROTO_ICMP = 1;
  private static final int IPPROTO_TCP = 6;
  private static final int IPPROTO_UDP = 17;
  private static final int IPPROTO_ICMPV6 = 58;
  private static final byte[] PAYLOAD = {'c', 'o', 'r', 'e', '4', 'j', '!', '\n'};

  private Frames() {}

  /** A UDP datagram from {@code src} to {@code dst}, IPv4 or IPv6 by the addresses. */
  public static byte[] udp(String src, int sport, String dst, int dport) {
    return ip(src, dst, IPPROTO_UDP, udpHeader(sport, dport));
  }

  /** A TCP segment with {@code flags} (such as {@link #SYN}) from {@code src} to {@code dst}. */
  public static byte[] tcp(String src, int sport, String dst, int dport, int flags) {
    return ip(src, dst, IPPROTO_TCP, tcpHeader(sport, dport, flags));
  }

  /** An ICMP (or ICMPv6) echo request from {@code src} to {@code dst}. */
  public static byte[] ping(String src, String dst) {
    boolean v6 = address(src) instanceof Inet6Address;
    byte[] icmp = {(byte) (v6 ? 128 : 8), 0, 0, 0, 0, 1, 0, 1};
    return ip(src, dst, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, icmp);
  }

  /** The same frame with an 802.1Q VLAN tag {@code vlan} after the MAC addresses. */
  public static byte[] vlanTagged(byte[] frame, int vlan) {
    ByteBuffer b = ByteBuffer.allocate(frame.length + 4).order(ByteOrder.BIG_ENDIAN);
    b.put(frame, 0, 12);
    b.putShort((short) ETH_P_8021Q);
    b.putShort((short) (vlan & 0x0fff));
    b.put(frame, 12, frame.length - 12);
    return b.array();
  }

  /** The first {@code length} bytes of {@code frame}: a truncated packet. */
  public static byte[] truncated(byte[] frame, int length) {
    byte[] out = new byte[length];
    System.arraycopy(frame, 0, out, 0, length);
    return out;
  }

  private static byte[] ip(String src, String dst, int proto, byte[] l4) {
    InetAddress s = address(src);
    InetAddress d = address(dst);
    if (s.getClass() != d.getClass()) {
      throw new IllegalArgumentException(src + " and " + dst + " are not of one IP version");
    }
    byte[] l4WithPayload = new byte[l4.length + PAYLOAD.length];
    System.arraycopy(l4, 0, l4WithPayload, 0, l4.length);
    System.arraycopy(PAYLOAD, 0, l4WithPayload, l4.length, PAYLOAD.length);
    boolean v6 = s instanceof Inet6Address;
    int ipLength = v6 ? 40 : 20;
    ByteBuffer b =
        ByteBuffer.allocate(14 + ipLength + l4WithPayload.length).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {0x02, 0, 0, 0, 0, 0x02}); // destination MAC (locally administered)
    b.put(new byte[] {0x02, 0, 0, 0, 0, 0x01}); // source MAC
    b.putShort((short) (v6 ? ETH_P_IPV6 : ETH_P_IP));
    if (v6) {
      b.putInt(0x60000000); // version 6, no traffic class or flow label
      b.putShort((short) l4WithPayload.length);
      b.put((byte) proto);
      b.put((byte) 64); // hop limit
      b.put(s.getAddress());
      b.put(d.getAddress());
    } else {
      int start = b.position();
      b.put((byte) 0x45); // version 4, IHL 5
      b.put((byte) 0);
      b.putShort((short) (20 + l4WithPayload.length));
      b.putShort((short) 1); // id
      b.putShort((short) 0x4000); // don't fragment
      b.put((byte) 64); // TTL
      b.put((byte) proto);
      b.putShort((short) 0); // checksum, below
      b.put(s.getAddress());
      b.put(d.getAddress());
      b.putShort(start + 10, checksum(b.array(), start, 20));
    }
    b.put(l4WithPayload);
    return b.array();
  }

  private static byte[] udpHeader(int sport, int dport) {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    b.putShort((short) sport);
    b.putShort((short) dport);
    b.putShort((short) (8 + PAYLOAD.length));
    b.putShort((short) 0); // no checksum: XDP programs don't check it
    return b.array();
  }

  private static byte[] tcpHeader(int sport, int dport, int flags) {
    ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
    b.putShort((short) sport);
    b.putShort((short) dport);
    b.putInt(1); // sequence number
    b.putInt((flags & ACK) != 0 ? 1 : 0);
    b.put((byte) 0x50); // data offset 5
    b.put((byte) flags);
    b.putShort((short) 65535); // window
    b.putShort((short) 0); // checksum: not checked by XDP programs
    b.putShort((short) 0);
    return b.array();
  }

  private static short checksum(byte[] data, int offset, int length) {
    long sum = 0;
    for (int i = 0; i < length; i += 2) {
      sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (short) ~sum;
  }

  /** An IPv4 or IPv6 address literal (never a host name: nothing is looked up). */
  public static InetAddress address(String literal) {
    if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
      throw new IllegalArgumentException(literal + " is not an IP address literal");
    }
    try {
      InetAddress a = InetAddress.getByName(literal);
      if (!(a instanceof Inet4Address) && !(a instanceof Inet6Address)) {
        throw new IllegalArgumentException(literal + " is not an IP address");
      }
      return a;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal + " is not an IP address", e);
    }
  }
}
