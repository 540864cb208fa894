package io.github.core4j.elf.object;

/**
 * How libbpf names an object and its internal maps. The kernel keeps 15 characters of a map name,
 * so libbpf builds internal map names from as much of the object name as fits next to the section
 * name, reserving at least 7 characters for the section: {@code xdp_filter} + {@code .rodata} is
 * {@code xdp_filt.rodata}, {@code xdp_filter} + {@code .bss} is {@code xdp_filt.bss} (the reserve
 * is kept even for short sections), {@code globals} + {@code .kconfig} is {@code globals.kconfig}.
 * Sections with a second dot ({@code .rodata.limits}, {@code .data.stats}) keep their own name,
 * truncated to 15 characters, with no object prefix. Characters other than letters, digits, {@code
 * _} and {@code .} become {@code _}.
 */
public final class InternalMapNames {
  /** The kernel's {@code BPF_OBJ_NAME_LEN} (including the terminating NUL). */
  public static final int OBJ_NAME_LEN = 16;

  private InternalMapNames() {}

  /**
   * The object name libbpf derives from a file name: the base name cut to 15 characters, then cut
   * at its first dot ({@code xdp_filter.bpf.o} becomes {@code xdp_filter}).
   */
  public static String objectName(String fileName) {
    String base = fileName;
    int slash = base.lastIndexOf('/');
    if (slash >= 0) {
      base = base.substring(slash + 1);
    }
    if (base.length() > OBJ_NAME_LEN - 1) {
      base = base.substring(0, OBJ_NAME_LEN - 1);
    }
    int dot = base.indexOf('.');
    return dot >= 0 ? base.substring(0, dot) : base;
  }

  /** The name of the internal map for section {@code section} of object {@code objectName}. */
  public static String mapName(String objectName, String section) {
    int max = OBJ_NAME_LEN - 1;
    int suffixLength = Math.min(Math.max(7, section.length()), max);
    int prefixLength =
        section.indexOf('.', 1) >= 0 ? 0 : Math.min(max - suffixLength, objectName.length());
    String name =
        objectName.substring(0, prefixLength)
            + section.substring(0, Math.min(suffixLength, section.length()));
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.';
      sb.append(ok ? c : '_');
    }
    return sb.toString();
  }
}
