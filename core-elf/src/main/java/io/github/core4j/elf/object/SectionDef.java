package io.github.core4j.elf.object;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row of libbpf's {@code section_defs} table: the section names it matches, the program type
 * and expected attach type their programs get, and flags.
 *
 * <p>The pattern follows libbpf: {@code "xdp"} matches only {@code xdp}; {@code "kprobe+"} matches
 * {@code kprobe} and {@code kprobe/anything}; a pattern ending in {@code /} ({@code
 * "cgroup/"}-style) matches any name with that prefix.
 *
 * @param pattern the section name pattern as libbpf writes it
 * @param programType the program type of matching programs
 * @param attachType the expected attach type, or null when the row has none (libbpf's 0, which
 *     libbpf cannot tell apart from {@link AttachType#CGROUP_INET_INGRESS})
 * @param flags the row's flags
 */
public record SectionDef(
    String pattern,
    ProgramType programType,
    @Nullable AttachType attachType,
    Set<SectionFlag> flags) {

  /** Copies the flag set so the record stays immutable. */
  public SectionDef {
    flags = Set.copyOf(flags);
  }

  /**
   * Whether section {@code name} (without a leading {@code ?}) matches this row, as libbpf decides.
   */
  public boolean matches(String name) {
    if (pattern.endsWith("/")) {
      return name.startsWith(pattern);
    }
    if (pattern.endsWith("+")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return name.equals(prefix)
          || (name.startsWith(prefix) && name.charAt(prefix.length()) == '/');
    }
    return name.equals(pattern);
  }

  /** The expected attach type's kernel number as libbpf stores it: 0 when the row has none. */
  public int attachTypeValue() {
    return attachType == null ? 0 : attachType.value();
  }

  /** Whether the row has {@code flag}. */
  public boolean has(SectionFlag flag) {
    return flags.contains(flag);
  }
}
