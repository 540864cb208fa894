package io.github.core4j.elf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFuncProto;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.ext.FuncInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the model says about the corpus programs whose sources are in {@code testdata/bpf}: each
 * test names the C construct (input), what libbpf makes of it, and what the model holds.
 */
class ObjectModelTest {
  private static BpfObject open(String name) {
    return BpfObject.open(BpfTestdata.dir().resolve("out").resolve(name + ".bpfel.o"));
  }

  private static List<String> names(List<Program> programs) {
    return programs.stream().map(Program::name).toList();
  }

  @Test
  void textFunctionsAreSubprogramsAndEntryProgramsShareSections() {
    BpfObject obj = open("subprogs");
    assertEquals(
        List.of(
            "xdp_count",
            "xdp_drop_runts",
            "xdp_hash_loop",
            "xdp_optional",
            "sock_bucket",
            "sock_drop_small"),
        names(obj.programs()));
    assertEquals(
        List.of(
            "mix32",
            "clamp_bucket",
            "xdp_frame_len",
            "count_bucket",
            "first_word",
            "loop_step",
            "sum_bucket"),
        names(obj.subprograms()));
    Program optional = obj.program("xdp_optional").orElseThrow();
    assertEquals("xdp", optional.sectionName()); // SEC("?xdp"): the ? only turns autoload off
    assertFalse(optional.autoload());
    Program countBucket = obj.subprogram("count_bucket").orElseThrow();
    assertFalse(countBucket.global()); // static __noinline
    assertTrue(countBucket.subprogram());
    assertNull(countBucket.sectionDef());
    assertTrue(obj.subprogram("clamp_bucket").orElseThrow().hidden()); // __hidden
  }

  @Test
  void callsAndCallbackAddressesNameTheirSubprograms() {
    BpfObject obj = open("subprogs");
    Program loop = obj.program("xdp_hash_loop").orElseThrow();
    // first_word(...); bpf_loop(8, loop_step, ...); count_bucket(...);
    // bpf_for_each_map_elem(&buckets, sum_bucket, ...)
    assertEquals(
        List.of(
            "first_word call", "loop_step callback", "count_bucket call", "sum_bucket callback"),
        loop.calls().stream()
            .map(c -> c.subprogram() + (c.callback() ? " callback" : " call"))
            .toList());
    for (SubprogramCall c : loop.calls()) {
      Program target = obj.subprogram(c.subprogram()).orElseThrow();
      assertEquals(target.sectionInsnOffset(), c.targetInsn(), c.subprogram());
      assertEquals(
          c.callback() ? 0x18 : 0x85, loop.insns().get(c.insnIndex()).opcode(), c.subprogram());
    }
    // libbpf appends them depth first, in the order the code reaches them
    assertEquals(
        List.of("first_word", "loop_step", "mix32", "count_bucket", "clamp_bucket", "sum_bucket"),
        names(obj.subprogramsUsedBy(loop)));
    // a static function calling a global __hidden one, and reading a map
    Program countBucket = obj.subprogram("count_bucket").orElseThrow();
    assertEquals(
        List.of("clamp_bucket"),
        countBucket.calls().stream().map(SubprogramCall::subprogram).toList());
    assertTrue(
        countBucket.relocations().stream()
            .anyMatch(r -> r.target().equals(new MapReference("buckets"))));
  }

  @Test
  void btfExtRecordsAreRelativeToTheirProgram() {
    BpfObject obj = open("subprogs");
    Btf btf = obj.btf().orElseThrow();
    for (Program p : obj.programs()) {
      FuncInfo first = p.funcInfo().get(0);
      assertEquals(0, first.insnOff(), p.name());
      assertEquals(p.name(), btf.type(first.typeId()).name());
      assertFalse(p.lineInfo().isEmpty(), p.name());
      assertTrue(
          p.lineInfo().stream().allMatch(l -> l.insnOff() >= 0 && l.insnOff() / 8 < p.insnCount()),
          p.name());
    }
    // sock_drop_small is the second program of "socket": its CO-RE records are #3..#5 there
    Program small = obj.program("sock_drop_small").orElseThrow();
    assertEquals(List.of(3, 4, 5), small.coreRelos().stream().map(ProgramCoreRelo::index).toList());
    for (ProgramCoreRelo c : small.coreRelos()) {
      assertEquals(c.sectionInsnIndex() - small.sectionInsnOffset(), c.insnIndex());
    }
  }

  @Test
  void mapInMapAndProgArrayInitialValuesComeFromTheMapsRelocations() {
    BpfObject obj = open("maps_nested");
    MapDefinition sets = obj.map("counter_sets").orElseThrow();
    // .values = { &counters_even, &counters_odd }
    assertEquals(
        List.of(new MapSlot(0, "counters_even"), new MapSlot(1, "counters_odd")),
        sets.initialSlots());
    MapDefinition inner = sets.innerMap();
    assertNotNull(inner);
    assertEquals("counter_sets.inner", inner.name());
    assertEquals(MapType.ARRAY, inner.type());
    assertEquals(List.of(4, 8, 4), List.of(inner.keySize(), inner.valueSize(), inner.maxEntries()));
    MapDefinition clones = obj.map("clones_by_process").orElseThrow();
    assertEquals(List.of(), clones.initialSlots());
    assertEquals(MapType.HASH, clones.innerMap().type());
    // .values = { [TAIL_SLOT] = (void *)&tc_tail }
    MapDefinition jumps = obj.map("jump_table").orElseThrow();
    assertEquals(List.of(new MapSlot(1, "tc_tail")), jumps.initialSlots());
    assertEquals(4, jumps.valueSize());
    assertEquals(0, jumps.valueTypeId());
    Program dispatch = obj.program("tc_dispatch").orElseThrow();
    // bpf_map_lookup_elem(&counter_sets, ...); bpf_tail_call(skb, &jump_table, ...);
    // __sync_fetch_and_add(&tail_call_misses, 1)
    assertEquals(
        List.of(
            new MapReference("counter_sets"),
            new MapReference("jump_table"),
            new DataReference(".bss", "maps_nes.bss", 0, "tail_call_misses")),
        dispatch.relocations().stream().map(ProgramRelocation::target).toList());
  }

  @Test
  void mapsKeepTheirBtfTypesAndAttributes() {
    BpfObject obj = open("maps_basic");
    Btf btf = obj.btf().orElseThrow();
    MapDefinition routes = obj.map("routes").orElseThrow();
    assertEquals(MapType.LPM_TRIE, routes.type());
    assertEquals(MapDefinition.F_NO_PREALLOC, routes.flags());
    assertEquals(8, btf.resolveSize(routes.keyTypeId()));
    MapDefinition peers = obj.map("recent_peers").orElseThrow();
    assertEquals(MapPinning.BY_NAME, peers.pinning());
    assertEquals("/sys/fs/bpf/recent_peers", peers.pinPath().orElseThrow());
    assertEquals("/run/bpf/recent_peers", peers.pinPath("/run/bpf").orElseThrow());
    MapDefinition perf = obj.map("pkt_perf").orElseThrow();
    assertEquals(List.of(4, 4, 0), List.of(perf.keySize(), perf.valueSize(), perf.maxEntries()));
    assertEquals(0, perf.keyTypeId()); // __uint(key_size, ...), no type
  }

  @Test
  void structOpsMapsAssignProgramsToMembers() {
    BpfObject obj = open("struct_ops");
    MapDefinition reno = obj.map("core4j_reno").orElseThrow();
    assertEquals(MapKind.STRUCT_OPS, reno.kind());
    StructOps ops = reno.structOps();
    assertNotNull(ops);
    assertEquals("tcp_congestion_ops", ops.typeName());
    assertInstanceOf(BtfStruct.class, obj.btf().orElseThrow().type(ops.typeId()));
    assertEquals(
        List.of(
            new StructOpsProgram(0, "ssthresh", "c4j_ssthresh"),
            new StructOpsProgram(1, "cong_avoid", "c4j_cong_avoid"),
            new StructOpsProgram(8, "undo_cwnd", "c4j_undo_cwnd"),
            new StructOpsProgram(16, "init", "c4j_init")),
        ops.programs());
    // .name = "core4j_reno" is in the initial bytes
    byte[] data = new byte[ops.data().remaining()];
    ops.data().get(data);
    assertEquals(192, data.length);
    assertTrue(new String(data, StandardCharsets.ISO_8859_1).contains("core4j_reno"));
    assertEquals(
        16, obj.structOpsMember(obj.program("c4j_init").orElseThrow()).orElseThrow().memberIndex());
  }

  @Test
  void globalDataSectionsBecomeInternalMapsWithTheirVariables() {
    BpfObject obj = open("globals");
    assertEquals("Dual BSD/GPL", obj.license());
    assertTrue(obj.kernelVersion().isEmpty());
    assertEquals(
        List.of(".rodata", ".data", ".rodata.limits", ".data.stats", ".bss", ".kconfig"),
        obj.dataSections().stream().map(DataSection::name).toList());
    DataSection rodata = obj.dataSection(".rodata").orElseThrow();
    assertEquals("globals.rodata", rodata.mapName());
    ByteBuffer initial = rodata.initialData().order(ByteOrder.LITTLE_ENDIAN);
    // const volatile __u32 sample_every = 1; const volatile char instance_name[16] = "core4j";
    assertEquals(1, initial.getInt((int) rodata.variable("sample_every").orElseThrow().offset()));
    GlobalVariable name = rodata.variable("instance_name").orElseThrow();
    byte[] chars = new byte[6];
    initial.get((int) name.offset(), chars);
    assertEquals("core4j", new String(chars, StandardCharsets.US_ASCII));
    // bpf_printk's format string is a static variable: in the map, not exposed
    GlobalVariable fmt = rodata.variable("____count_switches.____fmt").orElseThrow();
    assertFalse(fmt.isExposed());
    Program counter = obj.program("count_switches").orElseThrow();
    assertTrue(
        counter.relocations().stream()
            .anyMatch(
                r ->
                    r.target()
                        .equals(
                            new DataReference(
                                ".rodata",
                                "globals.rodata",
                                fmt.offset(),
                                "____count_switches.____fmt"))));
    assertEquals(0, obj.dataSection(".bss").orElseThrow().initialData().remaining());
  }

  @Test
  void kconfigExternsAreLaidOutAsLibbpfLaysOutTheKconfigMap() {
    BpfObject obj = open("globals");
    List<String> layout =
        obj.externs().stream()
            .filter(e -> e instanceof KconfigExtern)
            .map(e -> (KconfigExtern) e)
            .map(k -> k.name() + "@" + k.offset() + ":" + k.type() + (k.weak() ? " weak" : ""))
            .toList();
    // by alignment (4 before 1), then size, then name
    assertEquals(
        List.of(
            "CONFIG_HZ@0:INT weak",
            "CONFIG_NET_CLS_BPF@4:TRISTATE weak",
            "LINUX_KERNEL_VERSION@8:INT",
            "CONFIG_BPF_LSM@12:BOOL weak",
            "CONFIG_CORE4J_NO_SUCH_OPTION@13:BOOL weak",
            "CONFIG_DEFAULT_HOSTNAME@14:CHAR_ARRAY weak"),
        layout);
    assertEquals(30, obj.map("globals.kconfig").orElseThrow().valueSize());
    Extern stext = obj.extern("_stext").orElseThrow();
    assertTrue(((KsymExtern) stext).isTypeless());
    Program snapshot = obj.program("snapshot_globals").orElseThrow();
    ProgramRelocation first = snapshot.relocations().get(0);
    assertEquals(0, first.insnIndex());
    assertEquals(
        new ExternReference(obj.extern("LINUX_KERNEL_VERSION").orElseThrow(), false),
        first.target());
  }

  @Test
  void ksymsAreTypedVariablesAndKfuncs() {
    BpfObject obj = open("ksyms");
    Btf btf = obj.btf().orElseThrow();
    KsymExtern runqueues = (KsymExtern) obj.extern("runqueues").orElseThrow();
    assertFalse(runqueues.function());
    assertEquals("rq", btf.type(runqueues.typeId()).name());
    KsymExtern acquire = (KsymExtern) obj.extern("bpf_task_acquire").orElseThrow();
    assertTrue(acquire.function());
    assertInstanceOf(BtfFuncProto.class, btf.type(acquire.typeId()));
    assertTrue(obj.extern("bpf_core4j_no_such_kfunc").orElseThrow().weak());
    Program hold = obj.program("hold_parent").orElseThrow();
    assertTrue(
        hold.relocations().stream()
            .anyMatch(r -> r.target().equals(new ExternReference(acquire, true))));
  }

  @Test
  void sectionNamesGiveProgramTypesAttachTypesAndTargets() {
    BpfObject obj = open("tracing_progs");
    Program kprobe = obj.program("kprobe_unlinkat").orElseThrow();
    assertEquals(ProgramType.KPROBE, kprobe.type());
    assertNull(kprobe.expectedAttachType());
    assertEquals("do_unlinkat", kprobe.attachTarget().orElseThrow());
    Program fentry = obj.program("fentry_unlinkat").orElseThrow();
    assertEquals(AttachType.TRACE_FENTRY, fentry.expectedAttachType());
    assertTrue(fentry.sectionDef().has(SectionFlag.ATTACH_BTF));
    assertFalse(obj.program("lsm_deny_exec").orElseThrow().autoload());
    assertTrue(open("globals").program("snapshot_globals").orElseThrow().sleepable());
  }

  @Test
  void memoryAndFileGiveTheSameModel() throws Exception {
    Path file = BpfTestdata.dir().resolve("out/globals.bpfel.o");
    BpfObject mapped = BpfObject.open(file);
    BpfObject copied = BpfObject.open(Files.readAllBytes(file), "globals.bpfel.o");
    assertEquals(ModelDump.of(mapped), ModelDump.of(copied));
    assertEquals("globals", BpfObject.open(Files.readAllBytes(file), "globals").name());
  }
}
