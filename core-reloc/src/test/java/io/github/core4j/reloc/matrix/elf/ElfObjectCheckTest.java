package io.github.core4j.reloc.matrix.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfMember;
import io.github.core4j.btf.BtfStruct;
import io.github.core4j.btf.BtfType;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.btf.write.BtfBuilder;
import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.MatrixTestdata;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ElfObjectCheck} on the committed kernels: version-dependent accesses behind flavors and
 * guards are OK on 6.1, 6.12 and 6.18 alike; a kernel that lacks a field a program reads without a
 * guard makes that program — and only that program — FAIL; a kernel of the other byte order FAILs
 * everything.
 */
class ElfObjectCheckTest {
  static Kernel kernel(String name) {
    return new Kernel(name, name, BtfFiles.read(MatrixTestdata.kernel(name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.1.0-50-amd64", "6.12.117+deb12-cloud-amd64", "6.18.44-fc-v669"})
  void guardedVersionDependentReadsAreOkOnEveryKernel(String name) {
    Kernel k = kernel(name);
    for (Cell c : ElfObjectCheck.open(MatrixTestdata.object("core_reads")).check(k)) {
      assertTrue(c.ok(), c.program() + ": " + c.reason());
    }
    List<Cell> missing = ElfObjectCheck.open(MatrixTestdata.object("core_missing")).check(k);
    assertTrue(missing.get(0).ok(), "guarded_reads: " + missing.get(0).reason());
    assertFalse(missing.get(1).ok(), "unguarded_read");
  }

  @Test
  void indexingOnlyTheNamesTheObjectNeedsGivesTheSameCells() {
    ElfObjectCheck check = ElfObjectCheck.open(MatrixTestdata.object("core_reads"));
    Kernel full = kernel("6.1.0-50-amd64");
    Set<String> names = check.typeNames().orElseThrow();
    assertTrue(names.contains("task_struct"), names.toString());
    assertEquals(check.check(full), check.check(full.indexingOnly(names)));
  }

  @Test
  void aRenamedFieldFailsTheProgramsThatReadItUnguarded() {
    Btf base = BtfFiles.read(MatrixTestdata.kernel("6.1.0-50-amd64"));
    BtfBuilder b = new BtfBuilder();
    for (int id = 1; id < base.typeCount(); id++) {
      BtfType t = base.type(id);
      if (t instanceof BtfStruct s && s.name().equals("task_struct")) {
        List<BtfMember> members = new ArrayList<>();
        for (BtfMember m : s.members()) {
          members.add(
              m.name().equals("tgid")
                  ? new BtfMember("tgid_v2", m.type(), m.bitOffset(), m.bitfieldSize())
                  : m);
        }
        t = new BtfStruct(s.name(), s.size(), s.kindFlag(), members);
      }
      b.add(t);
    }
    Kernel renamed = new Kernel("renamed", "built", b.build(ByteOrder.LITTLE_ENDIAN, "renamed"));
    List<Cell> cells = ElfObjectCheck.open(MatrixTestdata.object("core_reads")).check(renamed);
    assertEquals("core_task_chains", cells.get(0).program());
    assertFalse(cells.get(0).ok());
    assertTrue(
        cells.get(0).reason().contains("<byte_off> struct task_struct.tgid (0:93 @ offset 1268)"),
        cells.get(0).reason());
    assertTrue(cells.get(1).ok(), "core_skb_fields reads no tgid");
    assertTrue(cells.get(2).ok(), "core_type_info reads no tgid");
  }

  @Test
  void aKernelOfTheOtherByteOrderFailsEverything() {
    Kernel be = kernel("6.18.44-fc-v669.be");
    for (Cell c : ElfObjectCheck.open(MatrixTestdata.object("xdp_filter")).check(be)) {
      assertEquals(
          "the object is little-endian and the kernel big-endian: libbpf refuses to open it",
          c.reason());
    }
  }

  @Test
  void programsAreFunctionsOfCodeSectionsOtherThanText() {
    List<Program> programs = ElfObjectCheck.open(MatrixTestdata.object("subprogs")).programRanges();
    assertEquals(
        List.of(
            "xdp_count",
            "xdp_drop_runts",
            "xdp_hash_loop",
            "xdp_optional",
            "sock_bucket",
            "sock_drop_small"),
        programs.stream().map(Program::name).toList());
    assertEquals("xdp", programs.get(0).sectionName());
    assertEquals(0, programs.get(0).firstInsn());
    assertEquals(18, programs.get(1).firstInsn());
    assertEquals(10, programs.get(1).insnCount());
  }

  @Test
  void aSectionMarkedNotToAutoloadKeepsLibbpfsSectionName() {
    List<Program> programs = ElfObjectCheck.open(MatrixTestdata.object("subprogs")).programRanges();
    Program optional = programs.get(3);
    assertEquals("xdp_optional", optional.name());
    assertEquals("xdp", optional.sectionName(), "SEC(\"?xdp\"): libbpf drops the '?'");
  }

  /**
   * A relocation that fails outright in a {@code .text} subprogram fails the whole object, as
   * libbpf does ({@code subprog_failure.load.txt}: "field offset ambiguity", "failed to load
   * object"): the two programs that call it and the one that does not.
   */
  @Test
  void aFailedRelocationInASubprogramFailsEveryProgram() throws Exception {
    Path dir =
        Path.of(ElfObjectCheckTest.class.getResource("subprog_failure.bpfel.o").toURI())
            .getParent();
    String libbpf = Files.readString(dir.resolve("subprog_failure.load.txt"));
    assertTrue(libbpf.contains("field offset ambiguity"), libbpf);
    assertTrue(libbpf.contains("failed to load object"), libbpf);
    ElfObjectCheck check = ElfObjectCheck.open(dir.resolve("subprog_failure.bpfel.o"));
    ObjectRelocation r = check.relocate(kernel("6.18.44-fc-v669"));
    assertEquals(1, r.records().size());
    RelocatedRecord record = r.records().get(0);
    assertEquals("read_note_type", record.program().name());
    assertTrue(record.program().subprogram());
    assertTrue(record.breaksLoading());
    assertEquals(
        List.of("calls_it", "also_calls_it", "never_calls_it"),
        r.cells().stream().map(Cell::program).toList());
    for (Cell c : r.cells()) {
      assertFalse(c.ok(), c.program());
      assertTrue(
          c.reason().startsWith("in subprogram read_note_type (section .text): relo #0 <byte_off>"),
          c.reason());
      assertTrue(c.reason().endsWith("(libbpf refuses the whole object)"), c.reason());
    }
    assertFalse(r.loads());
  }

  /** Guarded poisoned instructions are reported as such, per record. */
  @Test
  void poisonedRecordsKnowWhetherAProgramReachesThem() {
    ObjectRelocation r =
        ElfObjectCheck.open(MatrixTestdata.object("core_missing"))
            .relocate(kernel("6.1.0-50-amd64"));
    List<String> poisoned = new ArrayList<>();
    for (RelocatedRecord rec : r.records()) {
      if (rec.poisoned()) {
        poisoned.add(
            rec.program().name()
                + " relo #"
                + rec.record().index()
                + (rec.guarded() ? " guarded" : " reachable"));
      }
    }
    assertEquals(
        List.of(
            "guarded_reads relo #2 guarded",
            "guarded_reads relo #6 guarded",
            "unguarded_read relo #0 reachable"),
        poisoned);
  }
}
