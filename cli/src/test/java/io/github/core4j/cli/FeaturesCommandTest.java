package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code core4j features}: program and map types agree with {@code bpftool feature probe -j} on
 * this machine (root and bpftool required: they skip locally without them and fail in CI).
 */
class FeaturesCommandTest {
  static Map<String, Object> bpftool;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void probe() throws Exception {
    RelocOutTest.require(RelocOutTest.isRoot(), "probing BPF features needs root");
    RelocOutTest.require(RelocOutTest.onPath("bpftool"), "bpftool is not on the PATH");
    bpftool =
        (Map<String, Object>)
            new ObjInfoCommandTest.MiniJson(
                    RelocOutTest.exec(List.of("bpftool", "feature", "probe", "-j")).strip())
                .parse();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> ours(String... extra) {
    List<String> args = new ArrayList<>(List.of("features", "--json"));
    args.addAll(List.of(extra));
    RelocCommandTest.Result r = RelocCommandTest.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.out().lines().count(), "one JSON object");
    return (Map<String, Object>) new ObjInfoCommandTest.MiniJson(r.out().strip()).parse();
  }

  /** Where bpftool's {@code have_<name>_<suffix>} and our {@code <name>} disagree. */
  @SuppressWarnings("unchecked")
  static List<String> disagreements(Map<String, Object> ours, String section, String suffix) {
    Map<String, Object> theirs = (Map<String, Object>) bpftool.get(section);
    Map<String, Object> mine = (Map<String, Object>) ours.get(section);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : theirs.entrySet()) {
      String name = e.getKey().replaceFirst("^have_", "").replaceFirst("_" + suffix + "$", "");
      if (!mine.containsKey(name)) {
        out.add(name + ": bpftool probes it, core4j does not know it");
      } else if (!e.getValue().equals(mine.get(name))) {
        out.add(name + ": bpftool " + e.getValue() + ", core4j " + mine.get(name));
      }
    }
    return out;
  }

  @Test
  void programTypesAgreeWithBpftool() {
    Map<String, Object> ours = ours("--no-helpers");
    assertEquals(List.of(), disagreements(ours, "program_types", "prog_type"));
    assertEquals(Boolean.TRUE, ((Map<?, ?>) ours.get("program_types")).get("xdp"));
  }

  @Test
  void mapTypesAgreeWithBpftool() {
    Map<String, Object> ours = ours("--no-helpers");
    List<String> differ = disagreements(ours, "map_types", "map_type");
    // core4j does not probe struct_ops maps (the probe needs a vmlinux value type id)
    differ.remove("struct_ops: bpftool true, core4j false");
    assertEquals(List.of(), differ);
    assertEquals(Boolean.TRUE, ((Map<?, ?>) ours.get("map_types")).get("ringbuf"));
  }

  @Test
  void capabilitiesAndHelpersAreReported() {
    Map<String, Object> ours = ours();
    Map<?, ?> caps = (Map<?, ?>) ours.get("capabilities");
    for (String c : List.of("CAP_BPF", "CAP_PERFMON", "CAP_NET_ADMIN", "CAP_SYS_ADMIN")) {
      assertEquals(Boolean.TRUE, caps.get(c), c + ": the tests run as root");
    }
    List<?> xdp = (List<?>) ((Map<?, ?>) ours.get("helpers")).get("xdp");
    assertTrue(xdp.contains("bpf_xdp_adjust_head"), xdp.toString());
    assertTrue(xdp.contains("bpf_map_lookup_elem"), xdp.toString());
    assertTrue(!xdp.contains("bpf_bind"), "bpf_bind is for cgroup_sock_addr programs only");
  }

  @Test
  void textLinesReadLikeBpftools() {
    RelocCommandTest.Result r = RelocCommandTest.run("features", "--no-helpers");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("eBPF program_type xdp is available"), r.out());
    assertTrue(lines.contains("eBPF map_type ringbuf is available"), r.out());
    assertTrue(lines.contains("CAP_BPF is available"), r.out());
  }

  @Test
  void aTypeNewerThanTheKernelSaysWhichLinuxAddedIt() {
    io.github.core4j.runtime.feature.KernelRelease old =
        io.github.core4j.runtime.feature.KernelRelease.parse("5.4.0-42-generic");
    assertEquals(
        " (needs Linux " + io.github.core4j.elf.object.MapType.RINGBUF.since() + ")",
        FeaturesCommand.why(old, io.github.core4j.elf.object.MapType.RINGBUF.since()));
    assertEquals("", FeaturesCommand.why(old, io.github.core4j.elf.object.MapType.HASH.since()));
  }
}
