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

/**
 * {@code core4j reloc --out}: the written object differs from the input only in relocated
 * instructions, opens again, and (as root, with bpftool) loads into the running kernel.
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
        assertTrue(inCode, () -> "byte " + at + " outside the code changed");
      }
    }
    assertTrue(changed > 0, "6.1's task_struct differs from the object's: offsets change");
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
