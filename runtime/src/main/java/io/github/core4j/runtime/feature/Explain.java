package io.github.core4j.runtime.feature;

import io.github.core4j.elf.object.MapType;
import io.github.core4j.elf.object.ProgramType;
import io.github.core4j.runtime.BpfException;
import io.github.core4j.runtime.Errno;
import java.util.Optional;

/**
 * Turns a {@link BpfException} into a sentence a user can act on: "ringbuf maps need Linux 5.8
 * (this is 5.4.0)", "needs CAP_BPF or root". Uses the operation, the errno, the map or program type
 * named in the exception's subject, the running kernel and this process's capabilities.
 */
public final class Explain {
  private Explain() {}

  /** An explanation of {@code e} for the running kernel and this process. */
  public static String explain(BpfException e) {
    return explain(e, KernelRelease.current(), Capabilities.current());
  }

  /** An explanation of {@code e} as if on {@code kernel} with {@code caps}. */
  public static String explain(BpfException e, KernelRelease kernel, Capabilities caps) {
    String op = e.operation();
    Optional<Errno> errno = Errno.of(e.errno());
    if (errno.isEmpty()) {
      return op + " failed with errno " + e.errno() + ".";
    }
    String typeName = typeName(e.subject());
    return switch (errno.get()) {
      case EPERM -> permission(op, caps);
      case EACCES ->
          op.equals("BPF_PROG_LOAD")
              ? "The verifier rejected the program; its log (BpfException.verifierLog()) says at"
                  + " which instruction and why."
              : permission(op, caps);
      case EINVAL, EOPNOTSUPP, ENOTSUPP -> unsupported(op, typeName, kernel, e);
      case E2BIG ->
          op.startsWith("BPF_MAP_UPDATE")
              ? "The map is full: it already holds max_entries elements."
              : "The kernel found the request too large (or an attr field it does not know is"
                  + " set: the kernel is older than the feature).";
      case ENOENT ->
          op.startsWith("BPF_MAP")
              ? "No such key."
              : "Not found: " + (e.subject().isEmpty() ? "the target" : e.subject()) + ".";
      case EEXIST -> "It already exists (the key, pin path, or an attachment at that hook).";
      case EBUSY -> "The hook is busy: another program is attached there (XDP allows one).";
      case ENODEV -> "No such network device in this network namespace.";
      case ENOSPC ->
          op.equals("BPF_PROG_LOAD")
              ? "The verifier log did not fit its buffer."
              : "No space: the kernel ran out of room for this object.";
      case ENOMEM ->
          "Out of memory; on kernels before 5.11 maps count against RLIMIT_MEMLOCK: raise it"
              + " (ulimit -l) or run with CAP_SYS_RESOURCE.";
      default -> op + " failed: " + errno.get().name() + " (" + errno.get().description() + ").";
    };
  }

  private static String permission(String op, Capabilities caps) {
    StringBuilder b = new StringBuilder(op).append(" was refused: ");
    if (!caps.canUseBpf()) {
      b.append("needs CAP_BPF or root (CAP_SYS_ADMIN on kernels before 5.8)");
    } else if (!caps.canTrace()) {
      b.append("tracing needs CAP_PERFMON beside CAP_BPF");
    } else if (!caps.canNetwork()) {
      b.append("networking programs need CAP_NET_ADMIN beside CAP_BPF");
    } else {
      b.append(
          "this process has the capabilities, so a security policy (lockdown, seccomp, an LSM)"
              + " or the kernel itself forbids it; tracing programs with trampolines"
              + " (fentry/fexit/lsm) are refused where trampolines are unavailable");
    }
    return b.append('.').toString();
  }

  private static String unsupported(
      String op, String typeName, KernelRelease kernel, BpfException e) {
    if (op.equals("BPF_MAP_CREATE")) {
      Optional<MapType> t = MapType.ofLibbpfName(typeName);
      if (t.isPresent() && !kernel.atLeast(t.get().since())) {
        return typeName
            + " maps need Linux "
            + t.get().since()
            + " (this is "
            + kernel.release()
            + ").";
      }
      return "The kernel rejected the map's parameters (sizes, flags, max_entries or type).";
    }
    if (op.equals("BPF_PROG_LOAD")) {
      Optional<ProgramType> t = ProgramType.ofLibbpfName(typeName);
      if (t.isPresent() && !kernel.atLeast(t.get().since())) {
        return typeName
            + " programs need Linux "
            + t.get().since()
            + " (this is "
            + kernel.release()
            + ").";
      }
      return e.verifierLog() != null && !e.verifierLog().isBlank()
          ? "The kernel rejected the program; its verifier log says why."
          : "The kernel rejected the load's parameters (program type, expected attach type,"
              + " flags or attach target).";
    }
    return op + " is not supported here, or was given arguments this kernel does not accept.";
  }

  /** The libbpf type name in a subject such as "map 'counts' (ringbuf)". */
  private static String typeName(String subject) {
    int close = subject.lastIndexOf(')');
    int open = subject.lastIndexOf('(', close);
    return open >= 0 && close > open ? subject.substring(open + 1, close) : "";
  }
}
