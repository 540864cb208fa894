package io.github.core4j.reloc.matrix.report;

import io.github.core4j.reloc.matrix.Cell;
import io.github.core4j.reloc.matrix.KernelRow;
import io.github.core4j.reloc.matrix.MatrixListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@code core4j check --json}: one line per cell, as the contract gives it — {@code {"kernel": ...,
 * "object": ..., "program": ..., "ok": true|false, "reason": ...}}, the reason {@code null} for OK
 * cells. Each kernel's lines are flushed as soon as the kernel is done.
 */
public final class JsonLinesReport implements MatrixListener {
  private final Writer out;

  /** Writes to {@code out}. */
  public JsonLinesReport(Writer out) {
    this.out = out;
  }

  /** One cell as a line of JSON (without the line break). */
  public static String line(Cell c) {
    return "{\"kernel\": "
        + Json.quote(c.kernel())
        + ", \"object\": "
        + Json.quote(c.object())
        + ", \"program\": "
        + Json.quote(c.program())
        + ", \"ok\": "
        + c.ok()
        + ", \"reason\": "
        + Json.quote(c.reason())
        + "}";
  }

  @Override
  public void row(KernelRow row) {
    try {
      for (Cell c : row.cells()) {
        out.write(line(c));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
