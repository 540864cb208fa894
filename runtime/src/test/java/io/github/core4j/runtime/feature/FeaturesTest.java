package io.github.core4j.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Feature probes agree with {@code bpftool feature probe kernel} on this machine. */
@ExtendWith(NoFdLeaks.class)
class FeaturesTest {
  static String bpftool;
  static Features features;

  @BeforeAll
  static void probe() {
    Kernel.requireTool("bpftool");
    bpftool = Kernel.run("bpftool", "feature", "probe", "kernel");
    features = Features.probe();
  }

  /** The names bpftool lists as "eBPF KIND X is available" / "is NOT available". */
  static Set<String> bpftoolSays(String kind, boolean available) {
    String suffix = available ? " is available" : " is NOT available";
    return bpftool
        .lines()
        .filter(l -> l.startsWith("eBPF " + kind + " ") && l.endsWith(suffix))
        .map(l -> l.substring(("eBPF " + kind + " ").length(), l.length() - suffix.length()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void programTypesMatchBpftool() {
    Set<String> ours =
        features.programTypes().stream().map(ProgramType::libbpfName).collect(Collectors.toSet());
    for (String t : bpftoolSays("program_type", true)) {
      assertTrue(ours.contains(t), "bpftool says " + t + " is available, core4j disagrees");
    }
    for (String t : bpftoolSays("program_type", false)) {
      assertFalse(ours.contains(t), "bpftool says " + t + " is NOT available, core4j disagrees");
    }
    assertTrue(features.supports(ProgramType.XDP));
  }

  @Test
  void mapTypesMatchBpftool() {
    Set<String> ours =
        features.mapTypes().stream().map(MapType::libbpfName).collect(Collectors.toSet());
    List<String> disagreements = new ArrayList<>();
    for (String t : bpftoolSays("map_type", true)) {
      if (!ours.contains(t)
          && !t.equals("struct_ops")) { // struct_ops is not probed (see FeatureProbe)
        disagreements.add(t + " (bpftool: available)");
      }
    }
    for (String t : bpftoolSays("map_type", false)) {
      if (ours.contains(t)) {
        disagreements.add(t + " (bpftool: NOT available)");
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(features.supports(MapType.RINGBUF));
  }

  @Test
  void xdpHelpersMatchBpftool() {
    String section = "eBPF helpers supported for program type xdp:";
    int start = bpftool.indexOf(section);
    if (start < 0) {
      Kernel.unmet("bpftool printed no helper list for xdp");
    }
    Set<String> theirs = new TreeSet<>();
    for (String line : bpftool.substring(start + section.length()).lines().skip(1).toList()) {
      if (!line.startsWith("\t- ")) {
        break;
      }
      theirs.add(line.substring(3).strip());
    }
    Set<String> ours =
        Features.helpers(ProgramType.XDP).stream()
            .map(BpfHelper::cName)
            .collect(Collectors.toCollection(TreeSet::new));
    // bpftool v7.1 skips helpers that log to dmesg (trace_printk...) and does not know the newest;
    // everything else core4j finds, bpftool finds too.
    Set<String> onlyOurs = new TreeSet<>(ours);
    onlyOurs.removeAll(theirs);
    onlyOurs.removeAll(Set.of("bpf_trace_printk", "bpf_trace_vprintk", "bpf_probe_write_user"));
    onlyOurs.removeIf(
        h -> BpfHelper.valueOf(h.substring(4).toUpperCase(java.util.Locale.ROOT)).id() > 209);
    assertEquals(Set.of(), onlyOurs);
    // bpftool v7.1 predates libbpf's "program of this type cannot use helper" rule and so lists
    // helpers the verifier refuses for XDP, such as bpf_bind (cgroup_sock_addr only).
    assertTrue(theirs.contains("bpf_bind") && !ours.contains("bpf_bind"));
    assertTrue(ours.contains("bpf_xdp_adjust_head"));
    assertTrue(ours.contains("bpf_map_lookup_elem"));
  }

  @Test
  void capabilitiesComeFromProcStatus() {
    Capabilities caps = Capabilities.parse("Name:\tjava\nCapEff:\t000001fffeffffff\n");
    assertTrue(caps.has(Capability.BPF));
    assertTrue(caps.has(Capability.PERFMON));
    assertFalse(caps.has(Capability.SYS_RESOURCE));
    assertTrue(caps.canUseBpf());
    assertTrue(features.capabilities().canUseBpf(), "the tests run as root");
  }

  @Test
  void explanationsNameTheMissingKernelOrCapability() {
    KernelRelease old = KernelRelease.parse("5.4.0-42-generic");
    BpfException ringbuf = new BpfException("BPF_MAP_CREATE", "map 'events' (ringbuf)", 22);
    assertEquals(
        "ringbuf maps need Linux 5.8 (this is 5.4.0-42-generic).",
        Explain.explain(ringbuf, old, Capabilities.parse("CapEff:\t0000003fffffffff\n")));

    BpfException eperm = new BpfException("BPF_PROG_LOAD", "program 'p' (xdp)", 1);
    assertTrue(
        Explain.explain(eperm, old, new Capabilities(0)).contains("needs CAP_BPF or root"),
        Explain.explain(eperm, old, new Capabilities(0)));

    BpfException fentry = new BpfException("BPF_PROG_LOAD", "program (tracing)", 1);
    assertTrue(
        Explain.explain(
                fentry,
                KernelRelease.parse("6.18.0"),
                Capabilities.parse("CapEff:\t000001ffffffffff\n"))
            .contains("trampolines"));

    BpfException full = new BpfException("BPF_MAP_UPDATE_ELEM", "map (hash)", 7);
    assertTrue(Explain.explain(full).startsWith("The map is full"));
  }
}
