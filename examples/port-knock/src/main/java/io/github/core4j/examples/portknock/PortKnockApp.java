package io.github.core4j.examples.portknock;

import io.github.core4j.examples.portknock.bpf.PortKnock;
import io.github.core4j.examples.portknock.bpf.PortKnock.KnockStats;
import io.github.core4j.runtime.link.XdpMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code port-knock IFACE [PROTECTED_PORT KNOCK,KNOCK,... [GAP_MS OPEN_MS]]}: guards {@code
 * PROTECTED_PORT} on {@code IFACE} until standard input ends (or a line is entered), then prints
 * the program's statistics. Defaults: port 2222, knocks 7000,8000,9000, 5000 ms gaps, open 30000
 * ms.
 */
public final class PortKnockApp {
  private PortKnockApp() {}

  /** Runs the guard; exit status 2 on bad arguments, 1 when the program can't run. */
  public static void main(String[] args) throws IOException {
    KnockConfig config = KnockConfig.DEFAULTS;
    try {
      if (args.length != 1 && args.length != 3 && args.length != 5) {
        throw new IllegalArgumentException(
            "usage: port-knock IFACE [PROTECTED_PORT KNOCK,KNOCK,... [GAP_MS OPEN_MS]]");
      }
      if (args.length >= 3) {
        List<Integer> knocks = new ArrayList<>();
        for (String k : args[2].split(",", -1)) {
          knocks.add(Integer.parseInt(k.strip()));
        }
        config =
            new KnockConfig(
                Integer.parseInt(args[1]),
                knocks,
                args.length == 5 ? Duration.ofMillis(Long.parseLong(args[3])) : config.maxGap(),
                args.length == 5
                    ? Duration.ofMillis(Long.parseLong(args[4]))
                    : config.openWindow());
      }
    } catch (IllegalArgumentException e) {
      System.err.println("port-knock: " + e.getMessage());
      System.exit(2);
    }
    try {
      run(args[0], config, System.out);
    } catch (RuntimeException e) {
      // no such interface, not root, a kernel that refuses the program: one line, no stack trace
      System.err.println("port-knock: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Attaches, waits for the end of standard input, prints the statistics. */
  static void run(String iface, KnockConfig config, PrintStream out) throws IOException {
    NetworkInterface nif = NetworkInterface.getByName(iface);
    if (nif == null) {
      throw new IllegalArgumentException("no network interface " + iface);
    }
    try (PortKnock skel = PortKnock.open()) {
      config.applyTo(skel);
      skel.load();
      skel.progs().xdpPortKnock().attach(nif.getIndex(), XdpMode.DEFAULT);
      out.println(
          "guarding port "
              + config.protectedPort()
              + " on "
              + iface
              + "; knock "
              + config.knocks());
      out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      KnockStats s = skel.bss().stats();
      out.println(
          "knocks "
              + s.knocks()
              + " opened "
              + s.opened()
              + " closed_drops "
              + s.closedDrops()
              + " allowed "
              + s.allowed());
    }
  }
}
