package io.github.core4j.skeleton;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Crafted Ethernet frames for test runs: IPv4 with UDP or ICMP, checksums left zero. */
final class Packets {
  static final int XDP_DROP = 1;
  static final int XDP_PASS = 2;
  private static final int IPPROTO_ICMP = 1;
  private static final int IPPROTO_UDP = 17;

  private Packets() {}

  /** A UDP datagram from {@code src} to {@code dst}, destination port {@code dport}. */
  static byte[] udp(byte[] src, byte[] dst, int dport) {
    ByteBuffer l4 = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    l4.putShort((short) 40000).putShort((short) dport).putShort((short) 8).putShort((short) 0);
    return ipv4(src, dst, IPPROTO_UDP, l4.array());
  }

  /** An ICMP echo request from {@code src} to {@code dst}. */
  static byte[] icmp(byte[] src, byte[] dst) {
    return ipv4(src, dst, IPPROTO_ICMP, new byte[] {8, 0, 0, 0, 0, 1, 0, 1});
  }

  private static byte[] ipv4(byte[] src, byte[] dst, int proto, byte[] l4) {
    ByteBuffer b = ByteBuffer.allocate(14 + 20 + l4.length).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {2, 0, 0, 0, 0, 2})
        .put(new byte[] {2, 0, 0, 0, 0, 1})
        .putShort((short) 0x0800);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4.length));
    b.putShort((short) 1).putShort((short) 0).put((byte) 64).put((byte) proto).putShort((short) 0);
    b.put(src).put(dst).put(l4);
    return b.array();
  }

  /** {@code a.b.c.d}'s four bytes. */
  static byte[] addr(int a, int b, int c, int d) {
    return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
  }

  /**
   * A {@code __be32} as an object reads it: the network-order bytes {@code addr} through the
   * object's byte order.
   */
  static int be32(byte[] addr, ByteOrder objectOrder) {
    return ByteBuffer.wrap(addr).order(objectOrder).getInt();
  }

  /** A {@code __be16} port as an object reads it. */
  static short be16(int port, ByteOrder objectOrder) {
    byte[] b = {(byte) (port >>> 8), (byte) port};
    return ByteBuffer.wrap(b).order(objectOrder).getShort();
  }
}
