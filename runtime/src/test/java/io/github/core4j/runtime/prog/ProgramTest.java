package io.github.core4j.runtime.prog;

import static io.github.core4j.runtime.Asm.R0;
import static io.github.core4j.runtime.Asm.R1;
import static io.github.core4j.runtime.Asm.R2;
import static io.github.core4j.runtime.Asm.R3;
import static io.github.core4j.runtime.Asm.R4;
import static io.github.core4j.runtime.Asm.R5;
import static io.github.core4j.runtime.Bytes.asU64;
import static io.github.core4j.runtime.Bytes.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.Asm;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Kernel;
import io.github.core4j.runtime.NoFdLeaks;
import io.github.core4j.runtime.btf.LoadedBtf;
import io.github.core4j.runtime.map.BpfMap;
import io.github.core4j.runtime.map.MapSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Loading hand-assembled programs and running them with BPF_PROG_TEST_RUN. */
@ExtendWith(NoFdLeaks.class)
class ProgramTest {
  static final int XDP_DROP = 1;
  static final int XDP_PASS = 2;

  @BeforeEach
  void root() {
    Kernel.requireRoot();
  }

  /** XDP: drop packets whose first byte is {@code match}, pass the rest. */
  static byte[] dropFirstByte(int match) {
    return new Asm()
        .ldxW(R2, R1, 0) // xdp_md.data
        .ldxW(R3, R1, 4) // xdp_md.data_end
        .mov(R4, R2)
        .addImm(R4, 1)
        .jgt(R4, R3, "pass")
        .ldxB(R5, R2, 0)
        .jneImm(R5, match, "pass")
        .ret(XDP_DROP)
        .label("pass")
        .ret(XDP_PASS)
        .bytes();
  }

  static byte[] packet(int firstByte) {
    byte[] p = new byte[64];
    Arrays.fill(p, (byte) 0x11);
    p[0] = (byte) firstByte;
    return p;
  }

  @Test
  void xdpProgramDropsPacketsWhoseFirstByteMatches() {
    ProgramSpec spec = ProgramSpec.of(ProgramType.XDP, dropFirstByte(0xAB)).withName("drop_ab");
    try (BpfProgram prog = BpfProgram.load(spec)) {
      TestRunResult dropped = prog.testRun(packet(0xAB));
      assertEquals(XDP_DROP, dropped.returnValue());

      TestRunResult passed = prog.testRun(packet(0xAC));
      assertEquals(XDP_PASS, passed.returnValue());
      assertArrayEquals(packet(0xAC), passed.dataOut());

      TestRunResult repeated = prog.testRun(TestRunOptions.of(packet(0xAB)).withRepeat(1000));
      assertEquals(XDP_DROP, repeated.returnValue());
      assertTrue(repeated.duration().toNanos() >= 0);

      ProgramInfo info = prog.info();
      assertEquals(ProgramType.XDP, info.type());
      assertEquals("drop_ab", info.name());
      assertEquals(16, info.tag().length());
    }
  }

  @Test
  void xdpProgramCountsIntoAMap() {
    try (BpfMap counts = BpfMap.create(MapSpec.of(MapType.ARRAY, 4, 8, 1));
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(
                    ProgramType.XDP,
                    new Asm().incrementArray(counts.fd().value(), 0).ret(XDP_PASS).bytes()))) {
      for (int i = 0; i < 7; i++) {
        prog.testRun(packet(i));
      }
      assertEquals(7, asU64(counts.lookup(u32(0)).orElseThrow()));
    }
  }

  @Test
  void schedClsAndSocketFilterRunOnPackets() {
    try (BpfProgram tc =
            BpfProgram.load(ProgramSpec.of(ProgramType.SCHED_CLS, new Asm().ret(2).bytes()));
        BpfProgram filter =
            BpfProgram.load(
                ProgramSpec.of(ProgramType.SOCKET_FILTER, new Asm().ret(0xFFFF).bytes()))) {
      assertEquals(2, tc.testRun(packet(1)).returnValue()); // TC_ACT_SHOT
      assertEquals(0xFFFF, filter.testRun(packet(1)).returnValue());
    }
  }

  @Test
  void verifierRejectionSurfacesTheLog() {
    byte[] readsUninitialisedRegister = new Asm().mov(R0, R5).exit().bytes();
    BpfException e =
        assertThrows(
            BpfException.class,
            () ->
                BpfProgram.load(
                    ProgramSpec.of(ProgramType.XDP, readsUninitialisedRegister).withName("bad")));
    assertEquals("EACCES", e.errnoName());
    assertEquals("BPF_PROG_LOAD", e.operation());
    assertNotNull(e.verifierLog());
    assertTrue(e.verifierLog().contains("R5 !read_ok"), e.verifierLog());
    assertTrue(e.getMessage().contains("program 'bad' (xdp)"), e.getMessage());
    assertTrue(e.getMessage().contains("verifier log:"), e.getMessage());
  }

  @Test
  void missingExitIsRejectedWithALog() {
    BpfException e =
        assertThrows(
            BpfException.class,
            () ->
                BpfProgram.load(ProgramSpec.of(ProgramType.XDP, new Asm().movImm(R0, 1).bytes())));
    assertNotNull(e.verifierLog());
    assertTrue(e.verifierLog().contains("last insn is not an exit or jmp"), e.verifierLog());
  }

  @Test
  void logLevelOneKeepsTheLogOfASuccessfulLoad() {
    ProgramSpec spec = ProgramSpec.of(ProgramType.XDP, new Asm().ret(2).bytes()).withLogLevel(2);
    try (BpfProgram prog = BpfProgram.load(spec)) {
      assertNotNull(prog.verifierLog());
      assertTrue(prog.verifierLog().contains("processed 2 insns"), prog.verifierLog());
    }
  }

  @Test
  void gplOnlyHelperNeedsAGplLicense() {
    // bpf_trace_printk (6) is GPL-only; a proprietary program may not call it
    byte[] insns =
        new Asm().stW(10, -8, 0x21).mov(R1, 10).addImm(R1, -8).movImm(R2, 4).call(6).ret(0).bytes();
    BpfException e =
        assertThrows(
            BpfException.class,
            () ->
                BpfProgram.load(
                    ProgramSpec.of(ProgramType.KPROBE, insns).withLicense("Proprietary")));
    assertNotNull(e.verifierLog());
    assertTrue(e.verifierLog().contains("GPL"), e.verifierLog());
  }

  @Test
  void programWithBtfAndFuncInfoLoads() {
    // BTF: [1] int, [2] FUNC_PROTO int(void), [3] FUNC "prog" -> 2
    byte[] btf = BtfBytes.intFuncProto("prog");
    try (LoadedBtf loaded = LoadedBtf.load(btf);
        BpfProgram prog =
            BpfProgram.load(
                ProgramSpec.of(ProgramType.XDP, new Asm().ret(2).bytes())
                    .withName("prog")
                    .withBtf(loaded, List.of(new FuncInfo(0, 3)), List.of()))) {
      assertEquals(2, prog.testRun(packet(0)).returnValue());
    }
  }

  @Test
  void brokenBtfIsRejectedWithTheCheckersLog() {
    byte[] btf = BtfBytes.intFuncProto("prog");
    btf[24 + 4] = 99; // first type's info: an unknown kind
    BpfException e = assertThrows(BpfException.class, () -> LoadedBtf.load(btf));
    assertEquals("BPF_BTF_LOAD", e.operation());
    assertEquals("EINVAL", e.errnoName());
    assertNotNull(e.verifierLog());
  }
}
