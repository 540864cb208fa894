package io.github.core4j.examples.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces created for a test, joined by a veth pair: {@code a} (the sender side) and
 * {@code b} (where the XDP program runs), each with an IPv4 and an IPv6 address that exist only
 * inside them. Names and subnet are made unique per process, so parallel builds don't collide;
 * {@link #close} deletes both namespaces, which removes the veth pair. Needs root and {@code ip}.
 */
public final class NetnsPair implements AutoCloseable {
  /** The interface name on both sides (each in its own namespace). */
  public static final String IFACE = "c4jveth";

  private final String nsA;
  private final String nsB;
  private final int subnet;

  private NetnsPair(String tag, int subnet) {
    this.nsA = "core4j-" + tag + "-a";
    this.nsB = "core4j-" + tag + "-b";
    this.subnet = subnet;
  }

  /** Creates the namespaces and the veth pair, addresses assigned and links up. */
  public static NetnsPair create(String purpose) {
    long pid = ProcessHandle.current().pid();
    NetnsPair p = new NetnsPair(purpose + "-" + pid, (int) (pid % 200) + 20);
    try {
      p.setUp();
      return p;
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
  }

  private void setUp() {
    run("ip", "netns", "add", nsA);
    run("ip", "netns", "add", nsB);
    run(
        "ip", "link", "add", IFACE, "netns", nsA, "type", "veth", "peer", "name", IFACE, "netns",
        nsB);
    configure(nsA, 1);
    configure(nsB, 2);
    // Permanent neighbour entries: no ARP or neighbour discovery in flight when a test sends, so
    // datagrams leave at once instead of waiting in the neighbour queue (a race on a busy machine).
    String macA = mac(nsA);
    String macB = mac(nsB);
    neighbour(nsA, b4(), macB);
    neighbour(nsA, b6(), macB);
    neighbour(nsB, a4(), macA);
    neighbour(nsB, a6(), macA);
  }

  private static String mac(String ns) {
    String link = inNs(ns, "ip", "-o", "link", "show", IFACE);
    int at = link.indexOf("link/ether ");
    if (at < 0) {
      throw new IllegalStateException("no MAC address in: " + link);
    }
    return link.substring(at + "link/ether ".length()).split(" ", 2)[0];
  }

  private static void neighbour(String ns, String address, String mac) {
    inNs(ns, "ip", "neigh", "replace", address, "lladdr", mac, "dev", IFACE, "nud", "permanent");
  }

  private void configure(String ns, int host) {
    inNs(ns, "ip", "link", "set", "lo", "up");
    inNs(ns, "ip", "addr", "add", "10.251." + subnet + "." + host + "/24", "dev", IFACE);
    inNs(
        ns,
        "ip",
        "-6",
        "addr",
        "add",
        "fd00:c4:" + subnet + "::" + host + "/64",
        "dev",
        IFACE,
        "nodad");
    inNs(ns, "ip", "link", "set", IFACE, "up");
  }

  /** Side a's namespace name. */
  public String a() {
    return nsA;
  }

  /** Side b's namespace name. */
  public String b() {
    return nsB;
  }

  /** Side a's IPv4 address. */
  public String a4() {
    return "10.251." + subnet + ".1";
  }

  /** Side b's IPv4 address. */
  public String b4() {
    return "10.251." + subnet + ".2";
  }

  /** Side a's IPv6 address. */
  public String a6() {
    return "fd00:c4:" + subnet + "::1";
  }

  /** Side b's IPv6 address. */
  public String b6() {
    return "fd00:c4:" + subnet + "::2";
  }

  /**
   * Runs {@code command} in namespace {@code ns} and returns its output; fails on non-zero exit.
   */
  public static String inNs(String ns, String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    cmd.addAll(List.of(command));
    return run(cmd.toArray(String[]::new));
  }

  /**
   * Starts a Java main class of this test's class path in namespace {@code ns}, with native access
   * enabled (the runtime's FFM calls).
   */
  public static Process startJava(String ns, Class<?> main, String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "ip",
                "netns",
                "exec",
                ns,
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    cmd.addAll(List.of(args));
    try {
      return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one UDP datagram per port, in order, from namespace {@code ns} to {@code dst}. */
  public static void sendUdp(String ns, String dst, int... ports) {
    List<String> args = new ArrayList<>(List.of(dst));
    for (int p : ports) {
      args.add(Integer.toString(p));
    }
    Process p = startJava(ns, UdpSend.class, args.toArray(String[]::new));
    try {
      String out = read(p.getInputStream());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("UdpSend in " + ns + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command, returns its standard output; fails with its output on a non-zero exit. */
  public static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = read(p.getInputStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + ": timed out");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes both namespaces (and with them the veth pair); never throws. */
  @Override
  public void close() {
    for (String ns : List.of(nsA, nsB)) {
      try {
        new ProcessBuilder("ip", "netns", "del", ns)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(30, TimeUnit.SECONDS);
      } catch (IOException e) {
        // nothing to clean up if ip can't run
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
