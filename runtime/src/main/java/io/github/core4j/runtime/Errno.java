package io.github.core4j.runtime;

import java.util.Optional;

/**
 * Linux error numbers as {@code bpf()} and its neighbours return them, with the names and
 * strerror(3) texts people search for. The numbers are those of asm-generic, which x86-64 and arm64
 * share. {@link #ENOTSUPP} (524) is kernel-internal but leaks out of {@code bpf()}.
 */
public enum Errno {
  EPERM(1, "Operation not permitted"),
  ENOENT(2, "No such file or directory"),
  ESRCH(3, "No such process"),
  EINTR(4, "Interrupted system call"),
  EIO(5, "Input/output error"),
  ENXIO(6, "No such device or address"),
  E2BIG(7, "Argument list too long"),
  ENOEXEC(8, "Exec format error"),
  EBADF(9, "Bad file descriptor"),
  ECHILD(10, "No child processes"),
  EAGAIN(11, "Resource temporarily unavailable"),
  ENOMEM(12, "Cannot allocate memory"),
  EACCES(13, "Permission denied"),
  EFAULT(14, "Bad address"),
  ENOTBLK(15, "Block device required"),
  EBUSY(16, "Device or resource busy"),
  EEXIST(17, "File exists"),
  EXDEV(18, "Invalid cross-device link"),
  ENODEV(19, "No such device"),
  ENOTDIR(20, "Not a directory"),
  EISDIR(21, "Is a directory"),
  EINVAL(22, "Invalid argument"),
  ENFILE(23, "Too many open files in system"),
  EMFILE(24, "Too many open files"),
  ENOTTY(25, "Inappropriate ioctl for device"),
  ETXTBSY(26, "Text file busy"),
  EFBIG(27, "File too large"),
  ENOSPC(28, "No space left on device"),
  ESPIPE(29, "Illegal seek"),
  EROFS(30, "Read-only file system"),
  EMLINK(31, "Too many links"),
  EPIPE(32, "Broken pipe"),
  EDOM(33, "Numerical argument out of domain"),
  ERANGE(34, "Numerical result out of range"),
  EDEADLK(35, "Resource deadlock avoided"),
  ENAMETOOLONG(36, "File name too long"),
  ENOLCK(37, "No locks available"),
  ENOSYS(38, "Function not implemented"),
  ENOTEMPTY(39, "Directory not empty"),
  ELOOP(40, "Too many levels of symbolic links"),
  ENOMSG(42, "No message of desired type"),
  ENODATA(61, "No data available"),
  ETIME(62, "Timer expired"),
  EPROTO(71, "Protocol error"),
  EBADMSG(74, "Bad message"),
  EOVERFLOW(75, "Value too large for defined data type"),
  EBADFD(77, "File descriptor in bad state"),
  EOPNOTSUPP(95, "Operation not supported"),
  EAFNOSUPPORT(97, "Address family not supported by protocol"),
  EADDRINUSE(98, "Address already in use"),
  EADDRNOTAVAIL(99, "Cannot assign requested address"),
  ENETDOWN(100, "Network is down"),
  ENOBUFS(105, "No buffer space available"),
  ETIMEDOUT(110, "Connection timed out"),
  EALREADY(114, "Operation already in progress"),
  EINPROGRESS(115, "Operation now in progress"),
  ECANCELED(125, "Operation canceled"),
  ENOTSUPP(524, "Operation is not supported (kernel-internal ENOTSUPP)");

  private final int value;
  private final String description;

  Errno(int value, String description) {
    this.value = value;
    this.description = description;
  }

  /** The number errno holds. */
  public int value() {
    return value;
  }

  /** What strerror(3) says for it. */
  public String description() {
    return description;
  }

  /** The constant for {@code value}, if this table knows it. */
  public static Optional<Errno> of(int value) {
    for (Errno e : values()) {
      if (e.value == value) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** {@code "EINVAL"}, or {@code "errno 123"} for a number this table does not know. */
  public static String nameOf(int value) {
    return of(value).map(Enum::name).orElse("errno " + value);
  }

  /** strerror-like text for {@code value}. */
  public static String describe(int value) {
    return of(value).map(Errno::description).orElse("Unknown error " + value);
  }
}
