package io.github.core4j.reloc.matrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.reloc.kernels.Kernel;
import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.KernelRow;
import io.github.core4j.reloc.matrix.MatrixListener;
import io.github.core4j.reloc.matrix.MatrixSummary;
import io.github.core4j.reloc.matrix.ObjectCheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The shapes of what {@code core4j check} prints: JSON lines, JUnit XML, the table, the bar. */
class ReportsTest {
  static final ObjectCheck OBJ_A = object("a.bpf.o", "prog_one", "prog_two");
  static final ObjectCheck OBJ_B = object("b.bpf.o", "only");

  static ObjectCheck object(String name, String... programs) {
    return new ObjectCheck() {
      @Override
      public String object() {
        return name;
      }

      @Override
      public List<String> programs() {
        return List.of(programs);
      }

      @Override
      public List<Cell> check(Kernel kernel) {
        throw new UnsupportedOperationException();
      }
    };
  }

  static final List<KernelRow> ROWS =
      List.of(
          new KernelRow(
              "6.1.0-50-amd64",
              "k/6.1.btf",
              List.of(
                  Cell.ok("6.1.0-50-amd64", "a.bpf.o", "prog_one"),
                  Cell.fail(
                      "6.1.0-50-amd64",
                      "a.bpf.o",
                      "prog_two",
                      "relo #0 <byte_off> struct task_struct.\"x\" <&>: no match"),
                  Cell.ok("6.1.0-50-amd64", "b.bpf.o", "only"))),
          new KernelRow(
              "6.12",
              "k/6.12.btf",
              List.of(
                  Cell.ok("6.12", "a.bpf.o", "prog_one"),
                  Cell.ok("6.12", "a.bpf.o", "prog_two"),
                  Cell.ok("6.12", "b.bpf.o", "only"))));

  static void feed(MatrixListener l) {
    l.start(List.of(OBJ_A, OBJ_B));
    for (KernelRow r : ROWS) {
      l.row(r);
    }
    l.finish(new MatrixSummary(2, 6, 1));
  }

  @Test
  void jsonIsOneLinePerCellExactlyAsTheContractSays() {
    StringWriter out = new StringWriter();
    feed(new JsonLinesReport(out));
    List<String> lines = out.toString().lines().toList();
    assertEquals(6, lines.size());
    assertEquals(
        "{\"kernel\": \"6.1.0-50-amd64\", \"object\": \"a.bpf.o\", \"program\": \"prog_one\","
            + " \"ok\": true, \"reason\": null}",
        lines.get(0));
    assertEquals(
        "{\"kernel\": \"6.1.0-50-amd64\", \"object\": \"a.bpf.o\", \"program\": \"prog_two\","
            + " \"ok\": false, \"reason\": \"relo #0 <byte_off> struct task_struct.\\\"x\\\" <&>:"
            + " no match\"}",
        lines.get(1));
    assertEquals(
        "{\"kernel\": \"6.12\", \"object\": \"b.bpf.o\", \"program\": \"only\", \"ok\": true,"
            + " \"reason\": null}",
        lines.get(5));
  }

  @Test
  void jsonEscapesControlCharacters() {
    assertEquals("\"a\\nb\\u0001\\\\\"", Json.quote("a\nb\u0001\\"));
  }

  @Test
  void junitHasASuitePerObjectAndACasePerKernelAndProgram() throws Exception {
    StringWriter out = new StringWriter();
    feed(new JunitReport(out));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("6", root.getAttribute("tests"));
    assertEquals("1", root.getAttribute("failures"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    Element a = (Element) suites.item(0);
    assertEquals("a.bpf.o", a.getAttribute("name"));
    assertEquals("4", a.getAttribute("tests"));
    assertEquals("1", a.getAttribute("failures"));
    NodeList cases = a.getElementsByTagName("testcase");
    assertEquals(4, cases.getLength());
    Element failing = (Element) cases.item(1);
    assertEquals("a.bpf.o", failing.getAttribute("classname"));
    assertEquals("prog_two on 6.1.0-50-amd64", failing.getAttribute("name"));
    Element failure = (Element) failing.getElementsByTagName("failure").item(0);
    assertEquals(
        "relo #0 <byte_off> struct task_struct.\"x\" <&>: no match",
        failure.getAttribute("message"));
    assertEquals(failure.getAttribute("message"), failure.getTextContent());
    assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
    Element b = (Element) suites.item(1);
    assertEquals("b.bpf.o", b.getAttribute("name"));
    assertEquals("0", b.getAttribute("failures"));
    assertEquals(
        "only on 6.12",
        ((Element) b.getElementsByTagName("testcase").item(1)).getAttribute("name"));
  }

  @Test
  void theTableHasARowPerKernelAndAColumnPerProgram() {
    StringWriter out = new StringWriter();
    feed(new TextTableReport(out, false));
    List<String> lines = out.toString().lines().toList();
    String pad = " ".repeat(32);
    assertEquals("KERNEL" + " ".repeat(26) + "a.bpf.o" + " ".repeat(11) + "b.bpf.o", lines.get(0));
    assertEquals(pad + "prog_one prog_two only", lines.get(1));
    assertEquals("6.1.0-50-amd64" + " ".repeat(18) + "OK       FAIL     OK", lines.get(2));
    assertEquals("6.12" + " ".repeat(28) + "OK       OK       OK", lines.get(3));
    assertEquals("", lines.get(4));
    assertEquals("2 kernels × 3 programs: 5 OK, 1 FAIL", lines.get(5));
    assertEquals("FAIL a.bpf.o prog_two on 1 kernel (6.1.0-50-amd64):", lines.get(6));
    assertEquals("  relo #0 <byte_off> struct task_struct.\"x\" <&>: no match", lines.get(7));
  }

  @Test
  void theTableColoursCellsOnTerminals() {
    StringWriter out = new StringWriter();
    feed(new TextTableReport(out, true));
    String row = out.toString().lines().toList().get(2);
    assertTrue(row.contains("\u001b[32mOK\u001b[0m"), row);
    assertTrue(row.contains("\u001b[31mFAIL\u001b[0m"), row);
  }

  @Test
  void theProgressBarShowsDoneExpectedRateAndEta() {
    assertEquals(
        "[############............]  50/100 kernels  25.0/s  ETA 0:02",
        ProgressBar.line(50, 100, 2_000_000_000L));
    assertEquals("[........................]   0/100 kernels", ProgressBar.line(0, 100, 0));
  }

  @Test
  void theProgressBarRedrawsInPlaceAndErasesItself() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong();
    ProgressBar bar =
        new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
    now.set(1_000_000_000L);
    bar.update(1, 4);
    now.set(1_010_000_000L);
    bar.update(2, 4); // within 100 ms of the last draw: not drawn
    now.set(2_000_000_000L);
    bar.update(4, 4);
    bar.finish();
    String s = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(s.startsWith("\r[######..................] 1/4 kernels"), s);
    assertTrue(!s.contains("2/4"), s);
    assertTrue(s.contains("\r[########################] 4/4 kernels  2.0/s  ETA 0:00"), s);
    assertTrue(s.endsWith("\r"), "the bar is erased at the end");
  }
}
