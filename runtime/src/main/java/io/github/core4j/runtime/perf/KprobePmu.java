package io.github.core4j.runtime.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kernel's kprobe PMU (Linux 4.17+): its dynamic perf type and which {@code config} bit turns a
 * kprobe into a kretprobe, both read from sysfs. Absent on kernels built without kprobes.
 *
 * @param type the PMU's perf type number
 * @param retprobeBit the {@code config} bit for return probes
 */
public record KprobePmu(int type, int retprobeBit) {
  /** Where the kernel describes the PMU. */
  public static final Path SYSFS = Path.of("/sys/bus/event_source/devices/kprobe");

  /** The PMU as sysfs describes it, or empty when this kernel has none. */
  public static Optional<KprobePmu> find() {
    return find(SYSFS);
  }

  /** The PMU described under {@code dir} ({@code type}, {@code format/retprobe}). */
  public static Optional<KprobePmu> find(Path dir) {
    try {
      int type = Integer.parseInt(Files.readString(dir.resolve("type")).strip());
      String format = Files.readString(dir.resolve("format/retprobe")).strip();
      // "config:0": the bit number after the colon.
      int bit = Integer.parseInt(format.substring(format.indexOf(':') + 1).strip());
      return Optional.of(new KprobePmu(type, bit));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
