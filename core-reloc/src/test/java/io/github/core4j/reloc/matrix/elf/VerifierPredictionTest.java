package io.github.core4j.reloc.matrix.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.reloc.kernels.BtfFileSource;
import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.kernels.SysfsSource;
import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.MatrixTestdata;
import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix's prediction against the real verifier. Oracle: {@code
 * testdata/bpf/expected/<object>.load.txt}, which programs libbpf 1.1 and the kernel they were
 * recorded on (6.18.44, {@code testdata/btf/kernels/6.18.44-fc-v669.btf.xz}) accepted. Ours: the
 * cells of {@link ElfObjectCheck} for that kernel's BTF. Every program the kernel accepted must be
 * OK and every program it rejected FAIL — except the programs in {@link #NOT_CO_RE}, which the
 * kernel rejected for reasons CO-RE relocation has nothing to do with.
 */
class VerifierPredictionTest {
  static final String REFERENCE_KERNEL = "6.18.44-fc-v669";

  /** Rejected by the reference kernel for reasons outside CO-RE: the prediction says OK. */
  static final Map<String, String> NOT_CO_RE =
      Map.of(
          "tracing_progs/fentry_unlinkat",
              "EPERM: this sandboxed kernel refuses every BPF trampoline at load",
          "tracing_progs/fexit_unlinkat",
              "EPERM: this sandboxed kernel refuses every BPF trampoline at load",
          "tracing_progs/lsm_file_open",
              "EPERM: this sandboxed kernel refuses every BPF trampoline at load",
          "tracing_progs/lsm_deny_exec",
              "EPERM: this sandboxed kernel refuses every BPF trampoline at load",
          "ksyms/read_runqueue",
              "ENOENT: the typed ksym 'runqueues' needs kallsyms of data symbols (no"
                  + " CONFIG_KALLSYMS_ALL here)");

  static List<String> objects() {
    return MatrixTestdata.objectNames();
  }

  /** {@code program -> OK|FAIL ...} from a load.txt. */
  static Map<String, String> loadResults(String object) throws IOException {
    return parse(
        Files.readAllLines(MatrixTestdata.root().resolve("bpf/expected/" + object + ".load.txt")));
  }

  /** {@code program -> OK|FAIL ...} from what {@code objinfo --load-each} prints. */
  static Map<String, String> parse(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int sp = line.indexOf(' ');
      out.put(line.substring(0, sp), line.substring(sp + 1));
    }
    return out;
  }

  static Kernel reference() {
    AtomicReference<Kernel> k = new AtomicReference<>();
    new BtfFileSource(MatrixTestdata.kernel(REFERENCE_KERNEL)).forEach(k::set);
    return k.get();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void okExactlyWhereTheVerifierAccepts(String object) throws IOException {
    ElfObjectCheck check = ElfObjectCheck.open(MatrixTestdata.object(object));
    Map<String, String> expected = loadResults(object);
    assertEquals(List.copyOf(expected.keySet()), check.programs(), "programs, in libbpf's order");
    for (Cell cell : check.check(reference())) {
      String key = object + "/" + cell.program();
      boolean accepted = expected.get(cell.program()).equals("OK");
      if (NOT_CO_RE.containsKey(key)) {
        assertFalse(accepted, key + " is listed as rejected for reasons outside CO-RE");
        assertTrue(cell.ok(), key + ": CO-RE has nothing against it, but " + cell.reason());
        continue;
      }
      assertEquals(accepted, cell.ok(), key + ": " + cell.reason());
    }
  }

  @Test
  void guardedMissingFieldIsOkAndTheUnguardedOneFails() {
    List<Cell> cells =
        ElfObjectCheck.open(MatrixTestdata.object("core_missing")).check(reference());
    assertEquals(
        List.of(
            Cell.ok(REFERENCE_KERNEL, "core_missing.bpfel.o", "guarded_reads"),
            new Cell(
                REFERENCE_KERNEL,
                "core_missing.bpfel.o",
                "unguarded_read",
                false,
                "relo #0 <byte_off> struct task_struct___core4j.core4j_cookie (0:0 @ offset 0):"
                    + " no match on this kernel, and its insn #0 is reachable")),
        cells);
  }

  /**
   * The same prediction for the running kernel, against libbpf's load results taken live on it
   * ({@code testdata/bpf/oracle/objinfo --load-each}, as {@code build.sh} records {@code
   * load.txt}): every machine of the reference kind reports its own release string, so the
   * committed files cannot be the oracle here.
   */
  @Test
  void theRunningKernelAsLibbpfLoadsOnIt(@TempDir Path tmp) throws IOException {
    Oracle.requireRoot();
    Oracle.require("gcc");
    Oracle.require("mount");
    Oracle.requireFile("/usr/include/bpf/libbpf.h", "libbpf-dev");
    Oracle.requireThat(Files.isReadable(SysfsSource.VMLINUX), "no /sys/kernel/btf/vmlinux");
    Path objinfo = tmp.resolve("objinfo");
    Oracle.runText(
        List.of(
            "gcc",
            "-O2",
            "-o",
            objinfo.toString(),
            MatrixTestdata.root().resolve("bpf/oracle/objinfo.c").toString(),
            "-lbpf"));
    AtomicReference<Kernel> running = new AtomicReference<>();
    new SysfsSource().forEach(running::set);
    assertNotNull(running.get());
    Path pins = Files.createDirectory(tmp.resolve("bpffs"));
    Oracle.runText(List.of("mount", "-t", "bpf", "bpf", pins.toString()));
    try {
      for (String object : objects()) {
        String live =
            Oracle.runText(
                List.of(
                    objinfo.toString(),
                    "--load-each",
                    "--pin-root",
                    pins.toString(),
                    MatrixTestdata.object(object).toString()));
        Map<String, String> expected = parse(List.of(live.split("\n")));
        for (Cell cell : ElfObjectCheck.open(MatrixTestdata.object(object)).check(running.get())) {
          String key = object + "/" + cell.program();
          boolean accepted = expected.get(cell.program()).equals("OK");
          assertEquals(
              accepted || NOT_CO_RE.containsKey(key), cell.ok(), key + ": " + cell.reason());
        }
      }
    } finally {
      Oracle.runAllowingFailure(List.of("umount", pins.toString()));
    }
  }
}
