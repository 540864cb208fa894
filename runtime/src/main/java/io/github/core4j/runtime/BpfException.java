package io.github.core4j.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A kernel call failed. Carries what was attempted ({@link #operation()}: the {@code bpf()} command
 * such as {@code BPF_MAP_CREATE}, or a syscall such as {@code perf_event_open}), on what ({@link
 * #subject()}: "map 'counts' (hash)"), the errno with its name, and for program and BTF loads the
 * verifier log, so one line of output says what went wrong and the log says why.
 */
public class BpfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String subject;
  private final int errno;
  private final @Nullable String verifierLog;

  /** A failure of {@code operation} on {@code subject} with {@code errno} and no log. */
  public BpfException(String operation, String subject, int errno) {
    this(operation, subject, errno, null);
  }

  /** A failure with the verifier's (or BTF checker's) log, when one was collected. */
  public BpfException(String operation, String subject, int errno, @Nullable String verifierLog) {
    super(message(operation, subject, errno, verifierLog));
    this.operation = operation;
    this.subject = subject;
    this.errno = errno;
    this.verifierLog = verifierLog;
  }

  private static String message(
      String operation, String subject, int errno, @Nullable String verifierLog) {
    StringBuilder b = new StringBuilder(operation);
    if (!subject.isEmpty()) {
      b.append(" (").append(subject).append(')');
    }
    b.append(": ").append(Errno.nameOf(errno)).append(" (").append(Errno.describe(errno));
    b.append(')');
    if (verifierLog != null && !verifierLog.isBlank()) {
      b.append("\nverifier log:\n").append(verifierLog.stripTrailing());
    }
    return b.toString();
  }

  /** The kernel call that failed: {@code BPF_PROG_LOAD}, {@code perf_event_open}, {@code mmap}. */
  public String operation() {
    return operation;
  }

  /** What the call was about ("program 'drop' (xdp)"), or empty. */
  public String subject() {
    return subject;
  }

  /** The errno number. */
  public int errno() {
    return errno;
  }

  /** The errno's name: {@code EPERM}, {@code EINVAL}, {@code E2BIG}. */
  public String errnoName() {
    return Errno.nameOf(errno);
  }

  /** The log the verifier or BTF checker wrote, or {@code null} when none was collected. */
  public @Nullable String verifierLog() {
    return verifierLog;
  }

  /** Whether the errno is {@code e}. */
  public boolean is(Errno e) {
    return errno == e.value();
  }
}
