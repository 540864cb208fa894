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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code core4j check --junit FILE}: JUnit XML that CI servers show as test results — one {@code
 * <testsuite>} per object, one {@code <testcase>} per kernel × program (named {@code program on
 * kernel}, class name the object), and a {@code <failure>} carrying the reason for each FAIL.
 *
 * <p>Suites group by object while rows arrive by kernel, so the report keeps the matrix until
 * {@link #finish}: per kernel its name and one reason per cell (null when OK; equal reasons
 * shared), no BTF.
 */
public final class JunitReport implements MatrixListener {
  private final Writer out;
  private final List<String> kernels = new ArrayList<>();
  private final List<@Nullable String[]> reasons = new ArrayList<>();
  private final Map<String, String> interned = new HashMap<>();
  private List<ObjectCheck> objects = List.of();

  /** Writes the XML to {@code out} when the matrix is finished. */
  public JunitReport(Writer out) {
    this.out = out;
  }

  @Override
  public void start(List<ObjectCheck> objects) {
    this.objects = List.copyOf(objects);
  }

  @Override
  public void row(KernelRow row) {
    kernels.add(row.kernel());
    @Nullable String[] r = new String[row.cells().size()];
    for (int i = 0; i < r.length; i++) {
      Cell c = row.cells().get(i);
      String reason = c.reason();
      r[i] = c.ok() ? null : interned.computeIfAbsent(reason == null ? "FAIL" : reason, k -> k);
    }
    reasons.add(r);
  }

  @Override
  public void finish(MatrixSummary summary) {
    try {
      write();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write() throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    long tests = 0;
    long failures = 0;
    for (@Nullable String[] r : reasons) {
      tests += r.length;
      for (String s : r) {
        if (s != null) {
          failures++;
        }
      }
    }
    out.write(
        "<testsuites name=\"core4j check\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\">\n");
    int column = 0;
    for (ObjectCheck o : objects) {
      int width = o.programs().size();
      long suiteFailures = 0;
      for (@Nullable String[] r : reasons) {
        for (int i = column; i < column + width; i++) {
          if (r[i] != null) {
            suiteFailures++;
          }
        }
      }
      out.write(
          "  <testsuite name=\""
              + Xml.escape(o.object())
              + "\" tests=\""
              + (long) width * kernels.size()
              + "\" failures=\""
              + suiteFailures
              + "\" errors=\"0\" skipped=\"0\">\n");
      for (int k = 0; k < kernels.size(); k++) {
        @Nullable String[] r = reasons.get(k);
        for (int p = 0; p < width; p++) {
          String name = o.programs().get(p) + " on " + kernels.get(k);
          out.write(
              "    <testcase classname=\""
                  + Xml.escape(o.object())
                  + "\" name=\""
                  + Xml.escape(name)
                  + "\"");
          String reason = r[column + p];
          if (reason == null) {
            out.write("/>\n");
          } else {
            out.write(
                ">\n      <failure message=\""
                    + Xml.escape(reason)
                    + "\" type=\"CO-RE\">"
                    + Xml.escape(reason)
                    + "</failure>\n    </testcase>\n");
          }
        }
      }
      out.write("  </testsuite>\n");
      column += width;
    }
    out.write("</testsuites>\n");
  }
}
