package io.github.core4j.examples.portknock;

import io.github.core4j.examples.portknock.bpf.PortKnock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the program is loaded with: the protected port, the knock sequence (up to four ports), the
 * longest pause between two knocks, and how long the port stays open after the last packet.
 *
 * @param protectedPort the TCP/UDP port kept closed
 * @param knocks the knock ports, in order
 * @param maxGap the longest pause between two knocks of a sequence
 * @param openWindow how long the port stays open after the source's last packet to it
 */
public record KnockConfig(
    int protectedPort, List<Integer> knocks, Duration maxGap, Duration openWindow) {
  /** The most knocks the program keeps ({@code MAX_KNOCKS}). */
  public static final int MAX_KNOCKS = 4;

  /** The program's defaults: port 2222, knocks 7000, 8000, 9000, 5 s gaps, open 30 s. */
  public static final KnockConfig DEFAULTS =
      new KnockConfig(
          2222, List.of(7000, 8000, 9000), Duration.ofSeconds(5), Duration.ofSeconds(30));

  /** Checks the ports and the sequence length. */
  public KnockConfig {
    knocks = List.copyOf(knocks);
    if (knocks.isEmpty() || knocks.size() > MAX_KNOCKS) {
      throw new IllegalArgumentException(
          "1 to " + MAX_KNOCKS + " knock ports, not " + knocks.size());
    }
    List<Integer> all = new ArrayList<>(knocks);
    all.add(protectedPort);
    for (int p : all) {
      if (p <= 0 || p > 0xffff) {
        throw new IllegalArgumentException("port " + p + " is not in [1, 65535]");
      }
    }
    if (knocks.contains(protectedPort)) {
      throw new IllegalArgumentException(
          "the protected port " + protectedPort + " can't be a knock");
    }
  }

  /** Sets the program's {@code .rodata} configuration (before load). */
  public void applyTo(PortKnock skel) {
    short[] ports = new short[MAX_KNOCKS];
    for (int i = 0; i < knocks.size(); i++) {
      ports[i] = (short) (int) knocks.get(i);
    }
    skel.rodata()
        .protectedPort((short) protectedPort)
        .knockPorts(ports)
        .knockCount(knocks.size())
        .knockGapNs(maxGap.toNanos())
        .openWindowNs(openWindow.toNanos());
  }
}
