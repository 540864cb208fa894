package io.github.core4j.cli;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.feature.BpfHelper;
import io.github.core4j.runtime.feature.Capabilities;
import io.github.core4j.runtime.feature.Capability;
import io.github.core4j.runtime.feature.Features;
import io.github.core4j.runtime.feature.KernelRelease;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code core4j features [--json] [--no-helpers]}: what the running kernel and this process can do
 * with BPF, probed the way {@code bpftool feature probe} probes it (runtime's {@link Features}):
 * the capabilities that gate {@code bpf()}, each program type, each map type, and the helpers each
 * available program type may call.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Probe what the running kernel supports for BPF, as 'bpftool feature probe' does: this"
          + " process's capabilities (CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN, CAP_SYS_ADMIN,"
          + " CAP_SYS_RESOURCE), program types (by loading a minimal program of each), map types"
          + " (by creating a minimal map of each) and, per available program type, the helpers"
          + " the verifier lets it call.",
      "",
      "Needs the privileges to use bpf() (root or CAP_BPF) for the probes to mean anything;"
          + " without them every probe fails and the output says so. Exit 0 unless the"
          + " command line is wrong."
    })
final class FeaturesCommand implements Callable<Integer> {
  @Option(
      names = "--json",
      description =
          "One JSON object: kernel, capabilities {CAP_X: bool}, program_types {name: bool},"
              + " map_types {name: bool}, helpers {program type: [helper, ...]} (libbpf's names).")
  boolean json;

  @Option(
      names = "--no-helpers",
      description = "Skip the helper probes (one program load per helper and program type).")
  boolean noHelpers;

  @Spec CommandSpec spec;

  /** The capabilities reported, in bpftool's order of importance. */
  private static final List<Capability> CAPABILITIES =
      List.of(
          Capability.BPF,
          Capability.PERFMON,
          Capability.NET_ADMIN,
          Capability.SYS_ADMIN,
          Capability.SYS_RESOURCE);

  @Override
  public Integer call() {
    Features f = Features.probe();
    try (StdOut out = new StdOut(Core4j.of(spec).stdout())) {
      out.append(json ? json(f) : text(f));
    }
    return 0;
  }

  private static List<ProgramType> programTypes() {
    return java.util.Arrays.stream(ProgramType.values())
        .filter(t -> t != ProgramType.UNSPEC)
        .toList();
  }

  private static List<MapType> mapTypes() {
    return java.util.Arrays.stream(MapType.values()).filter(t -> t != MapType.UNSPEC).toList();
  }

  private static String capabilityName(Capability c) {
    return "CAP_" + c.name();
  }

  private String text(Features f) {
    StringBuilder b = new StringBuilder();
    Capabilities caps = f.capabilities();
    b.append("Kernel release is ").append(f.kernel().release()).append('\n');
    b.append('\n').append("Scanning capabilities...\n");
    for (Capability c : CAPABILITIES) {
      b.append(capabilityName(c))
          .append(caps.has(c) ? " is available" : " is NOT available")
          .append('\n');
    }
    if (!caps.canUseBpf()) {
      b.append("bpf() needs CAP_BPF or root: the probes below all fail for this process\n");
    }
    b.append('\n').append("Scanning eBPF program types...\n");
    for (ProgramType t : programTypes()) {
      b.append("eBPF program_type ")
          .append(t.libbpfName())
          .append(f.supports(t) ? " is available" : " is NOT available")
          .append(f.supports(t) ? "" : why(f.kernel(), t.since()))
          .append('\n');
    }
    b.append('\n').append("Scanning eBPF map types...\n");
    for (MapType t : mapTypes()) {
      b.append("eBPF map_type ")
          .append(t.libbpfName())
          .append(f.supports(t) ? " is available" : " is NOT available")
          .append(f.supports(t) ? "" : why(f.kernel(), t.since()))
          .append('\n');
    }
    if (!noHelpers) {
      b.append('\n').append("Scanning eBPF helper functions...\n");
      for (ProgramType t : programTypes()) {
        if (!f.supports(t)) {
          continue;
        }
        b.append("eBPF helpers supported for program type ").append(t.libbpfName()).append(":\n");
        for (BpfHelper h : Features.helpers(t)) {
          b.append("\t- ").append(h.cName()).append('\n');
        }
      }
    }
    return b.toString();
  }

  /**
   * Why a type the probe found missing is missing, when the kernel's release explains it: "(needs
   * Linux 6.9)", as the runtime's error explanations say it.
   */
  static String why(KernelRelease kernel, String since) {
    return kernel.atLeast(since) ? "" : " (needs Linux " + since + ")";
  }

  private String json(Features f) {
    Json j = new Json().beginObject();
    j.field("kernel", f.kernel().release());
    j.name("capabilities").beginObject();
    for (Capability c : CAPABILITIES) {
      j.field(capabilityName(c), f.capabilities().has(c));
    }
    j.endObject();
    j.name("program_types").beginObject();
    for (ProgramType t : programTypes()) {
      j.field(t.libbpfName(), f.supports(t));
    }
    j.endObject();
    j.name("map_types").beginObject();
    for (MapType t : mapTypes()) {
      j.field(t.libbpfName(), f.supports(t));
    }
    j.endObject();
    if (!noHelpers) {
      j.name("helpers").beginObject();
      for (ProgramType t : programTypes()) {
        if (f.supports(t)) {
          j.name(t.libbpfName()).beginArray();
          Set<BpfHelper> helpers = Features.helpers(t);
          for (BpfHelper h : helpers) {
            j.value(h.cName());
          }
          j.endArray();
        }
      }
      j.endObject();
    }
    return j.endObject() + "\n";
  }
}
