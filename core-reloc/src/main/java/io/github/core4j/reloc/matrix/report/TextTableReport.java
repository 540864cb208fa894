package io.github.core4j.reloc.matrix.report;

import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.KernelRow;
import io.github.core4j.reloc.matrix.MatrixListener;
import io.github.core4j.reloc.matrix.MatrixSummary;
import io.github.core4j.reloc.matrix.ObjectCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matrix as a table for people: a row per kernel (printed as soon as the kernel is done), a
 * column per program under its object's name, {@code OK} or {@code FAIL} in each cell; then a
 * summary line and, for each distinct reason, the programs and kernels it was given for.
 *
 * <pre>
 * KERNEL                          core_missing.bpfel.o
 *                                 guarded_reads unguarded_read
 * 6.1.0-50-amd64                  OK            FAIL
 *
 * 1 kernel × 2 programs: 1 OK, 1 FAIL
 * FAIL core_missing.bpfel.o unguarded_read on 1 kernel (6.1.0-50-amd64):
 *   relo #0 &lt;byte_off&gt; struct task_struct___core4j.core4j_cookie ...
 * </pre>
 */
public final class TextTableReport implements MatrixListener {
  private static final int KERNEL_WIDTH = 32;
  private static final int LISTED = 5;
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";

  private final Writer out;
  private final boolean color;
  private final List<Integer> widths = new ArrayList<>();
  private final Map<String, Failure> failures = new LinkedHashMap<>();

  /** The programs and kernels one reason was given for. */
  private static final class Failure {
    final Set<String> programs = new LinkedHashSet<>();
    final Set<String> kernels = new LinkedHashSet<>();
  }

  /**
   * Writes to {@code out}.
   *
   * @param color colour OK green and FAIL red (for terminals)
   */
  public TextTableReport(Writer out, boolean color) {
    this.out = out;
    this.color = color;
  }

  @Override
  public void start(List<ObjectCheck> objects) {
    StringBuilder objectLine = new StringBuilder(pad("KERNEL", KERNEL_WIDTH));
    StringBuilder programLine = new StringBuilder(pad("", KERNEL_WIDTH));
    for (int i = 0; i < objects.size(); i++) {
      ObjectCheck o = objects.get(i);
      int span = 0;
      for (String p : o.programs()) {
        int w = Math.max(p.length(), 4) + 1;
        widths.add(w);
        programLine.append(pad(p, w));
        span += w;
      }
      String name = o.object();
      boolean last = i == objects.size() - 1;
      if (!last && span > 0 && name.length() >= span) {
        name = name.substring(0, Math.max(1, span - 2)) + "~"; // room for the next object's name
      }
      objectLine.append(pad(name, span));
    }
    write(
        objectLine.toString().stripTrailing()
            + "\n"
            + programLine.toString().stripTrailing()
            + "\n");
  }

  @Override
  public void row(KernelRow row) {
    StringBuilder b = new StringBuilder(pad(row.kernel(), KERNEL_WIDTH));
    if (row.kernel().length() >= KERNEL_WIDTH) {
      b.append(' ');
    }
    List<Cell> cells = row.cells();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      String text = c.ok() ? "OK" : "FAIL";
      int w = i < widths.size() ? widths.get(i) : 5;
      String padded = pad(text, w);
      if (color) {
        padded = (c.ok() ? GREEN : RED) + text + RESET + padded.substring(text.length());
      }
      b.append(padded);
      if (!c.ok()) {
        Failure f = failures.computeIfAbsent(String.valueOf(c.reason()), k -> new Failure());
        f.programs.add(c.object() + " " + c.program());
        f.kernels.add(c.kernel());
      }
    }
    write(b.toString().stripTrailing() + "\n");
  }

  @Override
  public void finish(MatrixSummary s) {
    StringBuilder b = new StringBuilder("\n");
    int programs = widths.size();
    b.append(s.kernels())
        .append(s.kernels() == 1 ? " kernel × " : " kernels × ")
        .append(programs)
        .append(programs == 1 ? " program: " : " programs: ")
        .append(s.cells() - s.failed())
        .append(" OK, ")
        .append(s.failed())
        .append(" FAIL\n");
    for (Map.Entry<String, Failure> e : failures.entrySet()) {
      Failure f = e.getValue();
      b.append("FAIL ");
      if (f.programs.size() == 1) {
        b.append(f.programs.iterator().next());
      } else {
        b.append(f.programs.size()).append(" programs (").append(list(f.programs)).append(')');
      }
      b.append(" on ")
          .append(f.kernels.size())
          .append(f.kernels.size() == 1 ? " kernel (" : " kernels (")
          .append(list(f.kernels))
          .append("):\n  ")
          .append(e.getKey())
          .append('\n');
    }
    write(b.toString());
  }

  private static String list(Set<String> items) {
    List<String> first = new ArrayList<>();
    for (String s : items) {
      if (first.size() == LISTED) {
        first.add("...");
        break;
      }
      first.add(s);
    }
    return String.join(", ", first);
  }

  private void write(String s) {
    try {
      out.write(s);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pad(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.append(' ');
    }
    return b.toString();
  }
}
