package io.github.core4j.btf.dump;

import io.github.core4j.btf.Btf;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The C header dump of BTF, identical to {@code bpftool btf dump file F format c} (bpftool 7.1,
 * with {@code -B BASE} for split BTF): a {@code vmlinux.h} that compiles with clang. It starts with
 * an include guard and a {@code preserve_access_index} pragma for CO-RE, then every struct, union,
 * enum and typedef in an order C accepts: each definition follows the definitions it embeds,
 * forward declarations stand in where a pointer is enough, anonymous types are written inline, and
 * repeated names get a {@code ___2}-style suffix. For split BTF the base's types are included.
 *
 * <p>Variables, functions and declaration tags are not written (bpftool 7.1 does not).
 */
public final class CDump {
  private static final String HEADER =
      "#ifndef __VMLINUX_H__\n"
          + "#define __VMLINUX_H__\n"
          + "\n"
          + "#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
          + "#pragma clang attribute push (__attribute__((preserve_access_index)),"
          + " apply_to = record)\n"
          + "#endif\n"
          + "\n";

  private static final String FOOTER =
      "#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
          + "#pragma clang attribute pop\n"
          + "#endif\n"
          + "\n"
          + "#endif /* __VMLINUX_H__ */\n";

  private CDump() {}

  /**
   * Writes bpftool's C header for every type of {@code btf} (base types included) to {@code out}.
   */
  public static void write(Btf btf, Appendable out) {
    write(btf, out, CDumpOptions.BPFTOOL);
  }

  /**
   * Writes the C header of {@code btf} as {@code options} say.
   *
   * @throws IllegalArgumentException when a type named in the options does not exist
   * @throws io.github.core4j.btf.BtfFormatException when the types cannot be written as C (a type
   *     that contains itself, references nested deeper than a sane limit, an unknown kind)
   */
  public static void write(Btf btf, Appendable out, CDumpOptions options) {
    write(btf, new CWriter(out), options);
  }

  /**
   * Writes the C header of {@code btf} as {@code options} say to {@code out}, encoded as UTF-8 (the
   * fastest way to a file or a pipe). The stream is flushed, not closed.
   *
   * @throws java.io.UncheckedIOException when writing fails
   */
  public static void write(Btf btf, OutputStream out, CDumpOptions options) {
    write(btf, new CWriter(out), options);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Btf btf, CWriter w, CDumpOptions options) {
    CDumper dumper = new CDumper(btf, w, options.enumModes());
    int[] roots = RootSelection.roots(dumper.types(), options);
    w.append(HEADER);
    if (roots == null) {
      for (int id = 1; id < dumper.types().count(); id++) {
        dumper.dumpType(id);
      }
    } else {
      for (int id : roots) {
        dumper.dumpType(id);
      }
    }
    w.append(FOOTER);
    w.flush();
  }

  /** The C header of {@code btf} as a string. */
  public static String toString(Btf btf, CDumpOptions options) {
    StringBuilder sb = new StringBuilder();
    write(btf, sb, options);
    return sb.toString();
  }
}
