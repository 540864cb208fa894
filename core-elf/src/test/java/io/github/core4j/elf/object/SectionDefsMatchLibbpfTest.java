package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input: the section names of {@code testdata/bpf/oracle/section_names.txt} (every pattern of
 * libbpf's {@code section_defs} table exactly, with a target, with a stray suffix, plus names from
 * the corpus). libbpf's answer: {@code expected/section_defs.txt}, what libbpf 1.1's {@code
 * libbpf_prog_type_by_name} returns for each. Our answer: {@link SectionDefs#find}. Expected: the
 * same program type and expected attach type for every name libbpf 1.1 knows; names it does not
 * know are unknown to us too, unless they match a row libbpf added after 1.1 (our table is libbpf
 * 1.7's).
 */
class SectionDefsMatchLibbpfTest {
  /** Rows of libbpf 1.7's table that libbpf 1.1 does not have. */
  static final Set<String> NEWER_THAN_1_1 =
      Set.of(
          "kprobe.session+",
          "uprobe.multi+",
          "uretprobe.multi+",
          "uprobe.session+",
          "uprobe.multi.s+",
          "uretprobe.multi.s+",
          "uprobe.session.s+",
          "usdt.s+",
          "tc/ingress",
          "tc/egress",
          "tcx/ingress",
          "tcx/egress",
          "netkit/primary",
          "netkit/peer",
          "tracepoint.s+",
          "tp.s+",
          "raw_tracepoint.s+",
          "raw_tp.s+",
          "tp_btf.s+",
          "fsession+",
          "fsession.s+",
          "fsession.multi+",
          "fsession.multi.s+",
          "fentry.multi+",
          "fexit.multi+",
          "fentry.multi.s+",
          "fexit.multi.s+",
          "sk_skb/verdict",
          "cgroup/connect_unix",
          "cgroup/sendmsg_unix",
          "cgroup/recvmsg_unix",
          "cgroup/getpeername_unix",
          "cgroup/getsockname_unix",
          "struct_ops.s+",
          "netfilter");

  private static final Pattern LINE =
      Pattern.compile("'(.*)' (?:unknown|type=(\\S+) expected_attach_type=(\\S+))");

  @Test
  void everyNameResolvesAsInLibbpf() {
    List<String> mismatches = new ArrayList<>();
    int known = 0;
    for (String line : BpfTestdata.expectedFile("section_defs.txt").split("\n")) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), line);
      String name = m.group(1);
      Optional<SectionDef> ours = SectionDefs.find(name);
      if (m.group(2) != null) {
        known++;
        String got =
            ours.map(d -> d.programType().libbpfName() + " " + attach(d)).orElse("unknown");
        if (!got.equals(m.group(2) + " " + m.group(3))) {
          mismatches.add(name + ": libbpf " + m.group(2) + " " + m.group(3) + ", ours " + got);
        }
      } else if (ours.isPresent() && !NEWER_THAN_1_1.contains(ours.get().pattern())) {
        mismatches.add(name + ": unknown to libbpf 1.1, ours " + ours.get());
      }
    }
    assertEquals(List.of(), mismatches);
    assertTrue(known > 150, "the oracle lists " + known + " known names");
  }

  private static String attach(SectionDef d) {
    return LibbpfView.attachTypeName(d.attachTypeValue());
  }

  /** Rows libbpf added after 1.1, with libbpf 1.7's answers. */
  @ParameterizedTest
  @CsvSource({
    "tcx/ingress, sched_cls, tcx_ingress",
    "tc/egress, sched_cls, tcx_egress",
    "netfilter, netfilter, netfilter",
    "uprobe.multi/usr/bin/bash:readline, kprobe, trace_uprobe_multi",
    "tp_btf.s/sys_enter, tracing, trace_raw_tp",
    "cgroup/connect_unix, cgroup_sock_addr, cgroup_unix_connect",
    "sk_skb/verdict, sk_skb, sk_skb_verdict",
    "struct_ops.s/init, struct_ops, cgroup_inet_ingress",
  })
  void newerRowsFollowLibbpf17(String name, String type, String attach) {
    SectionDef d = SectionDefs.find(name).orElseThrow();
    assertEquals(type, d.programType().libbpfName());
    assertEquals(attach, attach(d));
  }

  @Test
  void flagsFollowTheTable() {
    assertTrue(SectionDefs.find("syscall").orElseThrow().has(SectionFlag.SLEEPABLE));
    assertTrue(SectionDefs.find("lsm.s/file_open").orElseThrow().has(SectionFlag.SLEEPABLE));
    assertTrue(SectionDefs.find("xdp.frags").orElseThrow().has(SectionFlag.XDP_FRAGS));
    assertTrue(SectionDefs.find("fentry/do_exit").orElseThrow().has(SectionFlag.ATTACH_BTF));
    assertTrue(!SectionDefs.find("xdp").orElseThrow().has(SectionFlag.XDP_FRAGS));
  }
}
