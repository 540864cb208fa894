package io.github.core4j.runtime.link;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfKind;
import io.github.core4j.btf.source.BtfFiles;
import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import org.jspecify.annotations.Nullable;

/**
 * The vmlinux BTF ids that tracing programs are loaded against ({@code attach_btf_id}), named as
 * libbpf names them: {@code tp_btf/NAME} is the typedef {@code btf_trace_NAME}, {@code lsm/NAME}
 * the function {@code bpf_lsm_NAME}, fentry/fexit/fmod_ret the function itself.
 */
public final class KernelBtfIds {
  private static volatile @Nullable Btf vmlinux;

  private KernelBtfIds() {}

  /** The running kernel's BTF ({@code /sys/kernel/btf/vmlinux}), parsed once. */
  public static Btf vmlinux() {
    Btf b = vmlinux;
    if (b == null) {
      b = BtfFiles.runningKernel();
      vmlinux = b;
    }
    return b;
  }

  /**
   * The BTF type a tracing program of {@code attachType} aimed at {@code target} is loaded against.
   *
   * @param name the type's name ({@code btf_trace_sched_switch}, {@code bpf_lsm_file_open}, ...)
   * @param kind its kind ({@code TYPEDEF} for tp_btf, {@code FUNC} otherwise)
   */
  public record Target(String name, BtfKind kind) {}

  /** The name and kind libbpf looks up for {@code attachType} and {@code target}. */
  public static Target target(AttachType attachType, String target) {
    return switch (attachType) {
      case TRACE_RAW_TP -> new Target("btf_trace_" + target, BtfKind.TYPEDEF);
      case LSM_MAC, LSM_CGROUP -> new Target("bpf_lsm_" + target, BtfKind.FUNC);
      default -> new Target(target, BtfKind.FUNC);
    };
  }

  /** The id for a tracing program of {@code attachType} aimed at {@code target}. */
  public static int forTarget(AttachType attachType, String target) {
    Target t = target(attachType, target);
    return vmlinux()
        .findByName(t.name(), t.kind())
        .orElseThrow(
            () ->
                new BpfException(
                    "vmlinux BTF lookup",
                    "no " + t.kind() + " '" + t.name() + "' for " + attachType.libbpfName(),
                    Errno.ESRCH.value()));
  }
}
