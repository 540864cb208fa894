package io.github.core4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetArchTest {
  @ParameterizedTest
  @CsvSource({
    "amd64, x86",
    "x86_64, x86",
    "aarch64, arm64",
    "s390x, s390",
    "ppc64le, powerpc",
    "riscv64, riscv",
    "loongarch64, loongarch"
  })
  void javaArchitecturesMapToLibbpfNames(String osArch, String libbpf) {
    assertEquals(libbpf, TargetArch.of(osArch));
  }

  @ParameterizedTest
  @CsvSource({"x86, -D__TARGET_ARCH_x86", "arm64, -D__TARGET_ARCH_arm64"})
  void theDefineIsLibbpfsMacro(String arch, String flag) {
    assertEquals(flag, TargetArch.define(arch));
  }

  @org.junit.jupiter.api.Test
  void anUnknownArchitectureAsksForTargetArch() {
    BuildException e = assertThrows(BuildException.class, () -> TargetArch.of("vax"));
    assertTrue(e.getMessage().contains("<targetArch>"), e.getMessage());
  }
}
