package io.github.core4j.runtime.feature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running kernel's release ({@code /proc/sys/kernel/osrelease}, as {@code uname -r}).
 *
 * @param release the full release string ({@code 6.18.44-fc-v669})
 * @param major major version
 * @param minor minor version
 * @param patch patch level
 */
public record KernelRelease(String release, int major, int minor, int patch) {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** The running kernel's release. */
  public static KernelRelease current() {
    try {
      return parse(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kernel release", e);
    }
  }

  /** Parses {@code "6.18.44-foo"}. */
  public static KernelRelease parse(String release) {
    Matcher m = VERSION.matcher(release);
    if (!m.find()) {
      return new KernelRelease(release, 0, 0, 0);
    }
    return new KernelRelease(
        release,
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  /** {@code KERNEL_VERSION(major, minor, patch)}, patch capped at 255 as the kernel does. */
  public int code() {
    return (major << 16) + (minor << 8) + Math.min(patch, 255);
  }

  /**
   * Whether this release is at least {@code "5.8"} (major.minor); an empty string is always met.
   */
  public boolean atLeast(String version) {
    if (version.isEmpty()) {
      return true;
    }
    KernelRelease v = parse(version);
    return major != v.major ? major > v.major : minor >= v.minor;
  }
}
