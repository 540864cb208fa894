package io.github.core4j.maven;

import java.util.Locale;

/**
 * The {@code __TARGET_ARCH_xxx} macro libbpf's {@code bpf_tracing.h} needs to read registers of the
 * machine a program will run on, derived from Java's {@code os.arch}.
 */
public final class TargetArch {
  private TargetArch() {}

  /** libbpf's architecture name for a Java {@code os.arch} value ({@code amd64} → {@code x86}). */
  public static String of(String osArch) {
    String a = osArch.toLowerCase(Locale.ROOT);
    switch (a) {
      case "amd64":
      case "x86_64":
      case "x86":
      case "i386":
      case "i686":
        return "x86";
      case "aarch64":
      case "arm64":
        return "arm64";
      case "arm":
      case "armv7l":
        return "arm";
      case "s390x":
      case "s390":
        return "s390";
      case "ppc64le":
      case "ppc64":
      case "ppc":
        return "powerpc";
      case "riscv64":
        return "riscv";
      case "loongarch64":
        return "loongarch";
      case "mips":
      case "mips64":
      case "mipsel":
      case "mips64el":
        return "mips";
      case "sparcv9":
      case "sparc":
        return "sparc";
      default:
        throw new BuildException(
            "no eBPF target architecture is known for os.arch '"
                + osArch
                + "': set <targetArch> (x86, arm64, s390, powerpc, riscv, ...)");
    }
  }

  /** The compiler flag defining the macro, {@code -D__TARGET_ARCH_x86}. */
  public static String define(String arch) {
    return "-D__TARGET_ARCH_" + arch;
  }
}
