package io.github.core4j.examples.xdpfilter;

import io.github.core4j.examples.xdpfilter.bpf.XdpFilter;
import io.github.core4j.examples.xdpfilter.bpf.XdpFilter.DropStats;
import io.github.core4j.runtime.link.XdpMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xdp-filter IFACE [--drop-icmp] RULE...}: attaches the block-list to {@code IFACE}, then,
 * when standard input ends (or a line is entered), prints each rule's drop counters and detaches. A
 * rule is {@code ADDR}, {@code ADDR:PORT} or {@code [IPV6]:PORT}; its id is its position.
 */
public final class XdpFilterApp {
  private XdpFilterApp() {}

  /** Runs the filter; exit status 2 on bad arguments, 1 when the program can't run. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: xdp-filter IFACE [--drop-icmp] RULE...");
      System.exit(2);
    }
    String iface = args[0];
    boolean dropIcmp = false;
    List<Rule> rules = new ArrayList<>();
    try {
      for (int i = 1; i < args.length; i++) {
        if (args[i].equals("--drop-icmp")) {
          dropIcmp = true;
        } else {
          rules.add(Rule.parse(rules.size(), args[i]));
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("xdp-filter: " + e.getMessage());
      System.exit(2);
    }
    try {
      run(iface, dropIcmp, rules, System.out);
    } catch (RuntimeException e) {
      // no such interface, not root, a kernel that refuses the program: one line, no stack trace
      System.err.println("xdp-filter: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Attaches, waits for the end of standard input, prints the counters. */
  static void run(String iface, boolean dropIcmp, List<Rule> rules, PrintStream out)
      throws IOException {
    int ifindex = ifindex(iface);
    try (XdpFilter skel = XdpFilter.open()) {
      skel.rodata().dropIcmp(dropIcmp);
      skel.load();
      for (Rule r : rules) {
        r.addTo(skel);
      }
      skel.progs().xdpFilter().attach(ifindex, XdpMode.DEFAULT);
      out.println("attached to " + iface + " with " + rules.size() + " rules; Enter stops");
      out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      for (Rule r : rules) {
        DropStats s = dropped(skel, r.id());
        out.println(r + " dropped " + s.packets() + " packets " + s.bytes() + " bytes");
      }
      out.println("icmp dropped " + skel.bss().icmpDropped());
    }
  }

  /** A rule's drop counters, summed over the CPUs. */
  static DropStats dropped(XdpFilter skel, int rule) {
    long packets = 0;
    long bytes = 0;
    for (DropStats s : skel.maps().dropCounters().get(rule)) {
      packets += s.packets();
      bytes += s.bytes();
    }
    return new DropStats(packets, bytes);
  }

  private static int ifindex(String name) throws SocketException {
    NetworkInterface nif = NetworkInterface.getByName(name);
    if (nif == null) {
      throw new IllegalArgumentException("no network interface " + name);
    }
    return nif.getIndex();
  }
}
