package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfSection;
import io.github.core4j.elf.object.BpfObject;
import io.github.core4j.elf.object.Program;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code core4j reloc --out}: the written object differs from the input only in relocated
 * instructions and the length of {@code .BTF.ext}'s CO-RE subsection (now 0), opens again, and (as
 * root, with bpftool) loads into the running kernel exactly when libbpf loads the original.
 */
class RelocOutTest {
  @Test
  void onlyRelocatedInstructionsChange(@TempDir Path dir) throws IOException {
    Path in = RelocCommandTest.object("core_reads");
    Path out = dir.resolve("core_reads.relocated.o");
    RelocCommandTest.Result r =
        RelocCommandTest.run(
            "reloc",
            in.toString(),
            "--target",
            RelocCommandTest.kernel("6.1.0-50-amd64").toString(),
            "--out",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    byte[] before = Files.readAllBytes(in);
    byte[] after = Files.readAllBytes(out);
    assertEquals(before.length, after.length);
    ElfFile elf = ElfFile.parse(before, in.toString());
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      if (before[i] != after[i]) {
        changed++;
        int at = i;
        boolean inCode = false;
        for (ElfSection s : elf.sections()) {
          if (s.isExecutable() && at >= s.offset() && at < s.offset() + s.size()) {
            inCode = true;
          }
        }
        ElfSection ext = elf.section(".BTF.ext").orElseThrow();
        boolean inCoreReloLen = at >= ext.offset() + 28 && at < ext.offset() + 32;
        assertTrue(inCode || inCoreReloLen, () -> "byte " + at + " outside the code changed");
      }
    }
    assertTrue(changed > 0, "6.1's task_struct differs from the object's: offsets change");
    assertTrue(BpfObject.open(in).btfExt().orElseThrow().coreRelos().sections().size() > 0);
    assertEquals(
        List.of(),
        BpfObject.open(out).btfExt().orElseThrow().coreRelos().sections(),
        "libbpf must find no CO-RE records to apply again");
    // relo #3 of core_task_chains: task->real_parent, imm 1280 -> 2432 at insn #24 (ALU)
    BpfObject patched = BpfObject.open(out);
    Program p = patched.program("core_task_chains").orElseThrow();
    assertEquals(2432, p.insns().get(24).imm());
    Program orig = BpfObject.open(in).program("core_task_chains").orElseThrow();
    assertEquals(1280, orig.insns().get(24).imm());
  }

  /** Skips (locally) or fails (with CI=true) when {@code condition} does not hold. */
  static void require(boolean condition, String what) {
    if (!condition) {
      if ("true".equals(System.getenv("CI"))) {
        fail(what + " (required in CI)");
      }
      Assumptions.abort(what);
    }
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", tool));
  }

  static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 && uid.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String exec(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command + ": timed out");
    }
    if (p.exitValue() != 0) {
      fail(command + ": exit " + p.exitValue() + "\n" + output);
    }
    return output;
  }

  /** libbpf's verdict on the whole object, from {@code testdata/bpf/expected/<name>.load.txt}. */
  static boolean libbpfLoads(String object) throws IOException {
    for (String line :
        Files.readAllLines(
            Path.of(System.getProperty("core4j.testdata", "../testdata"))
                .resolve("bpf/expected/" + object + ".load.txt"))) {
      if (line.startsWith("# whole object: ")) {
        return line.equals("# whole object: OK");
      }
    }
    throw new AssertionError(object + ".load.txt has no whole-object verdict");
  }

  /**
   * Whether {@code bpftool prog loadall} loads {@code object}, in a mount namespace of its own with
   * a fresh bpffs at {@code /sys/fs/bpf} (maps pinned by name go there; nothing outlives the
   * namespace). A program with autoload off can't be pinned, which is no load failure.
   */
  static boolean bpftoolLoads(Path object) throws IOException, InterruptedException {
    String script =
        "mount -t bpf bpf /sys/fs/bpf && exec bpftool prog loadall \"$0\" /sys/fs/bpf/progs";
    Process p =
        new ProcessBuilder(
                "unshare", "-m", "--propagation", "private", "sh", "-c", script, object.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("bpftool prog loadall " + object + ": timed out");
    }
    if (output.contains("mount:")) {
      fail("could not mount a bpffs: " + output);
    }
    return p.exitValue() == 0 || output.contains("failed to pin all programs");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "core_missing",
        "core_reads",
        "globals",
        "ksyms",
        "maps_basic",
        "maps_nested",
        "port_knock",
        "ringbuf_events",
        "struct_ops",
        "subprogs",
        "tracing_progs",
        "xdp_filter"
      })
  void bpftoolLoadsOurRelocationExactlyWhenLibbpfLoadsTheOriginal(String object, @TempDir Path dir)
      throws Exception {
    require(isRoot(), "loading BPF programs needs root");
    require(onPath("bpftool"), "bpftool is not on the PATH");
    require(onPath("unshare"), "unshare is not on the PATH");
    Path vmlinux = Path.of("/sys/kernel/btf/vmlinux");
    require(Files.isReadable(vmlinux), "the running kernel has no readable BTF");
    Path in = RelocCommandTest.object(object);
    Path out = dir.resolve(object + ".relocated.o");
    RelocCommandTest.Result r =
        RelocCommandTest.run(
            "reloc", in.toString(), "--target", vmlinux.toString(), "--out", out.toString());
    assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
    boolean original = bpftoolLoads(in);
    assertEquals(original, bpftoolLoads(out), "bpftool on ours vs on the original");
    if (isReferenceKernel()) {
      assertEquals(libbpfLoads(object), original, "libbpf's recorded verdict on this kernel");
    }
  }

  /** Whether the running kernel is the one {@code load.txt} was recorded on. */
  private static boolean isReferenceKernel() throws IOException {
    String header =
        Files.readAllLines(
                Path.of(System.getProperty("core4j.testdata", "../testdata"))
                    .resolve("bpf/expected/xdp_filter.load.txt"))
            .get(0);
    String release = new String(Files.readAllBytes(Path.of("/proc/sys/kernel/osrelease"))).trim();
    return header.startsWith("# kernel " + release + ",");
  }

  @Test
  void bpftoolLoadsTheRelocatedObject(@TempDir Path dir) throws Exception {
    require(isRoot(), "loading BPF programs needs root");
    require(onPath("bpftool"), "bpftool is not on the PATH");
    Path vmlinux = Path.of("/sys/kernel/btf/vmlinux");
    require(Files.isReadable(vmlinux), "the running kernel has no readable BTF");
    Path out = dir.resolve("xdp_filter.relocated.o");
    RelocCommandTest.Result r =
        RelocCommandTest.run(
            "reloc",
            RelocCommandTest.object("xdp_filter").toString(),
            "--target",
            vmlinux.toString(),
            "--out",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    Path bpffs = Files.createDirectory(dir.resolve("bpffs"));
    exec(List.of("mount", "-t", "bpf", "bpf", bpffs.toString()));
    try {
      Path pins = bpffs.resolve("progs");
      exec(List.of("bpftool", "prog", "loadall", out.toString(), pins.toString()));
      List<String> pinned = new ArrayList<>();
      try (var s = Files.list(pins)) {
        s.forEach(f -> pinned.add(f.getFileName().toString()));
      }
      assertEquals(List.of("xdp_filter"), pinned);
    } finally {
      exec(List.of("umount", bpffs.toString())); // unpins, so the programs are released
    }
  }
}
