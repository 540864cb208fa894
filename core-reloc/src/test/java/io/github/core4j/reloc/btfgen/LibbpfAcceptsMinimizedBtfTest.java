package io.github.core4j.reloc.btfgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfArray;
import io.github.core4j.btf.BtfComposite;
import io.github.core4j.btf.BtfType;
import io.github.core4j.reloc.BtfTypes;
import io.github.core4j.testing.Oracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libbpf itself takes core4j's minimized BTF as {@code btf_custom_path} and relocates with it
 * exactly as with the full kernel BTF: the relocation objects of {@code testdata/reloc} are loaded
 * by {@code testdata/reloc/oracle/relo_oracle.c} (the installed libbpf 1.1) once against the full
 * BTF and once against the minimized one, and libbpf's decisions, parsed from its log by {@code
 * parse_log.py}, agree — kind, local spec, outcome, old and new values, patched form, and the
 * target spec with the minimized BTF's type ids and member indices mapped back to the kernel's.
 */
class LibbpfAcceptsMinimizedBtfTest {
  static final AtomicInteger RELOCATIONS = new AtomicInteger();
  static final List<String> KERNELS = Fixtures.KERNELS;

  @TempDir static Path tmp;
  static Path oracle;

  @BeforeAll
  static void buildOracle() {
    Oracle.require("gcc");
    Oracle.require("python3");
    Oracle.requireFile("/usr/include/bpf/libbpf.h", "libbpf-dev");
    Oracle.requireRoot();
    oracle = tmp.resolve("relo_oracle");
    Oracle.runText(
        List.of(
            "gcc",
            "-O1",
            "-Wall",
            "-Werror",
            "-o",
            oracle.toString(),
            Fixtures.testdata().resolve("reloc/oracle/relo_oracle.c").toString(),
            "-lbpf"));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String kernel : KERNELS) {
      for (Fixtures.TestObject o : Fixtures.objects()) {
        if (o.file().getFileName().toString().endsWith(".o.xz")) {
          out.add(Arguments.of(o, kernel));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void libbpfRelocatesAgainstOurMinimizedBtfAsAgainstTheFullBtf(
      Fixtures.TestObject object, String kernel) throws IOException {
    Path obj = Fixtures.plain(object.file(), tmp);
    Path fullBtf = Fixtures.plain(Fixtures.kernelFile(kernel), tmp);
    MinimizedBtf min = Btfgen.minimize(Fixtures.targets(kernel), List.of(object.load()));
    Path minBtf = tmp.resolve(object.name() + "." + kernel + ".min.btf");
    min.writeTo(minBtf);

    List<String[]> full = libbpf(object, obj, fullBtf);
    List<String[]> ours = libbpf(object, obj, minBtf);

    assertFalse(full.isEmpty(), "libbpf relocated nothing in " + object);
    assertEquals(full.size(), ours.size(), "relocations libbpf processed");
    Translation tr = new Translation(min);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < full.size(); i++) {
      String[] f = full.get(i);
      String[] m = ours.get(i).clone();
      m[TARGET] = translate(m[TARGET], min);
      if (f[KIND].equals("target_type_id") && m[OUTCOME].equals("patched")) {
        m[NEW] =
            Long.toString(
                tr.value(
                    io.github.core4j.reloc.RelocationKind.TYPE_ID_TARGET, Long.parseLong(m[NEW])));
      }
      if (!String.join("\t", f).equals(String.join("\t", m))) {
        problems.add(
            "full BTF:      " + String.join("\t", f) + "\nminimized BTF: " + String.join("\t", m));
      }
    }
    RELOCATIONS.addAndGet(full.size());
    assertTrue(
        problems.isEmpty(), () -> object + " on " + kernel + ":\n" + String.join("\n", problems));
  }

  private static final int KIND = 6;
  private static final int TARGET = 8;
  private static final int OUTCOME = 9;
  private static final int NEW = 11;

  /** libbpf's decisions for {@code obj} against {@code btf}: parse_log.py's relo lines. */
  private static List<String[]> libbpf(Fixtures.TestObject object, Path obj, Path btf)
      throws IOException {
    Path log = tmp.resolve(obj.getFileName() + "." + btf.getFileName() + ".log");
    Files.writeString(
        log, Oracle.runText(List.of(oracle.toString(), obj.toString(), btf.toString())));
    Path objBtf =
        Fixtures.plain(
            Fixtures.testdata().resolve("reloc/obj/" + object.name() + ".bpfel.btf.xz"), tmp);
    Path ext = Fixtures.testdata().resolve("reloc/obj/" + object.name() + ".bpfel.btf.ext");
    String parsed =
        Oracle.runText(
            List.of(
                "python3",
                Fixtures.testdata().resolve("reloc/parse_log.py").toString(),
                objBtf.toString(),
                ext.toString(),
                log.toString()));
    List<String[]> relos = new ArrayList<>();
    for (String line : parsed.split("\n", -1)) {
      if (line.startsWith("relo\t")) {
        relos.add(line.split("\t", -1));
      }
    }
    return relos;
  }

  private static final Pattern SPEC =
      Pattern.compile("(<\\w+> )\\[(\\d+)\\](.*?)(?: \\(([\\d:]+)( @ offset .*)\\))?$");

  /**
   * A target spec libbpf printed for the minimized BTF, in the kernel's ids and member indices (as
   * {@link Translation#format} does for core4j's specs).
   */
  static String translate(String spec, MinimizedBtf min) {
    Matcher m = SPEC.matcher(spec);
    if (spec.equals("-") || !m.matches()) {
      return spec;
    }
    int root = Integer.parseInt(m.group(2));
    StringBuilder b =
        new StringBuilder(m.group(1)).append('[').append(min.originalId(root)).append(']');
    b.append(m.group(3));
    if (m.group(4) != null) {
      String[] raw = m.group(4).split(":", -1);
      Btf btf = min.btf();
      BtfTypes types = BtfTypes.of(btf);
      int id = root;
      for (int i = 1; i < raw.length; i++) {
        id = types.skipModsAndTypedefs(id);
        BtfType t = btf.type(id);
        int index = Integer.parseInt(raw[i]);
        if (t instanceof BtfComposite c) {
          raw[i] = Integer.toString(min.originalMemberIndex(id, index));
          id = c.members().get(index).type();
        } else if (t instanceof BtfArray a) {
          id = a.type();
        }
      }
      b.append(" (").append(String.join(":", raw)).append(m.group(5)).append(')');
    }
    return b.toString();
  }

  @AfterAll
  static void report() {
    System.out.println(
        "LibbpfAcceptsMinimizedBtfTest: libbpf decided "
            + RELOCATIONS.get()
            + " relocations alike against full and core4j-minimized BTF");
  }
}
