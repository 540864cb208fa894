package io.github.core4j.examples.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code UdpSend DST PORT...}: sends one small UDP datagram to {@code DST} for each {@code PORT},
 * in order, a few milliseconds apart (run inside a namespace by {@link NetnsPair#sendUdp}).
 */
public final class UdpSend {
  private UdpSend() {}

  /** Sends the datagrams. */
  public static void main(String[] args) throws IOException, InterruptedException {
    InetAddress dst = Frames.address(args[0]);
    byte[] payload = "core4j test".getBytes(StandardCharsets.US_ASCII);
    try (DatagramSocket socket = new DatagramSocket()) {
      for (int i = 1; i < args.length; i++) {
        socket.send(new DatagramPacket(payload, payload.length, dst, Integer.parseInt(args[i])));
        Thread.sleep(5);
      }
    }
  }
}
