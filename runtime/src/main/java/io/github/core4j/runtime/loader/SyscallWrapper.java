package io.github.core4j.runtime.loader;

import io.github.core4j.runtime.perf.KprobePmu;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The value of the {@code LINUX_HAS_SYSCALL_WRAPPER} kconfig extern, decided as libbpf decides it:
 * whether a kprobe can be placed on the arch-prefixed {@code __<arch>_sys_bpf}. Without a kprobe
 * PMU (or without that symbol) the answer is false, as libbpf's probe fails too.
 */
final class SyscallWrapper {
  private SyscallWrapper() {}

  static boolean present() {
    if (KprobePmu.find().isEmpty()) {
      return false;
    }
    String arch = System.getProperty("os.arch");
    String symbol =
        switch (arch) {
          case "amd64", "x86_64" -> "__x64_sys_bpf";
          case "aarch64" -> "__arm64_sys_bpf";
          case "s390x" -> "__s390x_sys_bpf";
          case "riscv64" -> "__riscv_sys_bpf";
          default -> "";
        };
    if (symbol.isEmpty()) {
      return false;
    }
    try (BufferedReader r =
        Files.newBufferedReader(Path.of("/proc/kallsyms"), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.endsWith(" " + symbol)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
