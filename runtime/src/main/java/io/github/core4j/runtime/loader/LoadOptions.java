package io.github.core4j.runtime.loader;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How to load an object: the BTF to relocate against (the running kernel's when {@code null}), the
 * bpffs directory for maps pinned by name ({@code /sys/fs/bpf} when {@code null}), the verifier log
 * level (0 = a log only when a load fails) and {@code .kconfig} values that override the running
 * kernel's configuration.
 */
public record LoadOptions(
    @Nullable Path targetBtf, @Nullable Path pinRoot, int logLevel, Map<String, String> kconfig) {

  /** Copies the kconfig overrides. */
  public LoadOptions {
    kconfig = Map.copyOf(kconfig);
  }

  /** Relocate against the running kernel, pin under {@code /sys/fs/bpf}, log only on failure. */
  public static LoadOptions defaults() {
    return new LoadOptions(null, null, 0, Map.of());
  }

  /** The same options relocating against {@code btf} (raw, compressed or ELF) instead. */
  public LoadOptions withTargetBtf(Path btf) {
    return new LoadOptions(btf, pinRoot, logLevel, kconfig);
  }

  /** The same options pinning {@code LIBBPF_PIN_BY_NAME} maps under {@code root}. */
  public LoadOptions withPinRoot(Path root) {
    return new LoadOptions(targetBtf, root, logLevel, kconfig);
  }

  /** The same options with verifier log level {@code level} (1 or 2 keep the log on success). */
  public LoadOptions withLogLevel(int level) {
    return new LoadOptions(targetBtf, pinRoot, level, kconfig);
  }

  /**
   * The same options with {@code CONFIG_NAME=value} (as in a kernel .config) overriding the
   * kernel's.
   */
  public LoadOptions withKconfig(String name, String value) {
    Map<String, String> all = new TreeMap<>(kconfig);
    all.put(name, value);
    return new LoadOptions(targetBtf, pinRoot, logLevel, all);
  }
}
