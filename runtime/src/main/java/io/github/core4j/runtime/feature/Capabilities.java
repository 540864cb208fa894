package io.github.core4j.runtime.feature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * This process's effective capabilities, from the {@code CapEff} line of {@code /proc/self/status}.
 *
 * @param effective the effective capability mask
 */
public record Capabilities(long effective) {
  /** The current process's capabilities. */
  public static Capabilities current() {
    try {
      return parse(Files.readString(Path.of("/proc/self/status")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/status", e);
    }
  }

  /** Reads the {@code CapEff:} line of a {@code /proc/PID/status} text. */
  public static Capabilities parse(String status) {
    for (String line : status.split("\n", -1)) {
      if (line.startsWith("CapEff:")) {
        return new Capabilities(Long.parseUnsignedLong(line.substring(7).strip(), 16));
      }
    }
    throw new IllegalArgumentException("no CapEff line in process status");
  }

  /** Whether {@code c} is effective. */
  public boolean has(Capability c) {
    return (effective >>> c.bit() & 1) != 0;
  }

  /** The BPF-relevant capabilities that are effective. */
  public Set<Capability> bpfRelevant() {
    EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
    for (Capability c : Capability.values()) {
      if (has(c)) {
        set.add(c);
      }
    }
    return set;
  }

  /** Whether bpf() can load programs and create maps: CAP_BPF or CAP_SYS_ADMIN. */
  public boolean canUseBpf() {
    return has(Capability.BPF) || has(Capability.SYS_ADMIN);
  }

  /** Whether tracing programs can be loaded: (CAP_BPF and CAP_PERFMON) or CAP_SYS_ADMIN. */
  public boolean canTrace() {
    return (has(Capability.BPF) && has(Capability.PERFMON)) || has(Capability.SYS_ADMIN);
  }

  /** Whether networking programs can be loaded and attached: CAP_BPF and CAP_NET_ADMIN, or root. */
  public boolean canNetwork() {
    return (has(Capability.BPF) && has(Capability.NET_ADMIN)) || has(Capability.SYS_ADMIN);
  }
}
