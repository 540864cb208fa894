package io.github.core4j.runtime.link;

import io.github.core4j.elf.object.AttachType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import io.github.core4j.runtime.prog.BpfProgram;
import io.github.core4j.runtime.sys.Fd;

/**
 * Attaching tracing programs loaded with an {@code attach_btf_id} (tp_btf, fentry, fexit, fmod_ret,
 * lsm): their target is fixed at load, so attaching names none. Uses {@code BPF_LINK_CREATE} and
 * falls back to {@code BPF_RAW_TRACEPOINT_OPEN} on kernels that predate tracing links.
 * fentry/fexit/lsm need BPF trampolines, which some kernels and sandboxes lack: their loads fail
 * with EPERM/ENOTSUPP before this point.
 */
public final class TracingAttach {
  private TracingAttach() {}

  /** Attaches {@code program} to the target it was loaded for. */
  public static BpfLink attach(BpfProgram program) {
    AttachType type = program.expectedAttachType();
    if (type == null) {
      throw new IllegalArgumentException(
          program.describe() + " was not loaded with an expected attach type");
    }
    String description = type.libbpfName() + " link of " + program.describe();
    long r = LinkCreate.tryCreate(program.fd().value(), 0, type.value(), 0, attr -> {});
    if (r >= 0) {
      return new BpfLink(Fd.adopt((int) r), description);
    }
    if (r == -Errno.EINVAL.value()) {
      return RawTracepointAttach.attachToLoadTarget(program);
    }
    throw new BpfException("BPF_LINK_CREATE", description, (int) -r);
  }
}
