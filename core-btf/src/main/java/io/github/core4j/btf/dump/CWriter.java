package io.github.core4j.btf.dump;

import io.github.core4j.btf.ByteExactUtf8;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The text of a C dump, buffered and handed in large pieces to the caller's {@link Appendable} or,
 * encoded as UTF-8, to an {@link OutputStream}. The buffer is bounded: a single definition can be
 * arbitrarily long (a struct declaring a size of gigabytes gets one {@code long: 64;} padding line
 * per 8 bytes, as bpftool writes it), so lines are handed on as they accumulate, not per type.
 */
final class CWriter {
  private static final String TABS = "\t\t\t\t\t\t\t\t\t\t\t\t\t";
  private static final int FLUSH_AT = 1 << 16;

  private final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);
  private final @Nullable Appendable sink;
  private final @Nullable OutputStream stream;

  CWriter(Appendable sink) {
    this.sink = sink;
    this.stream = null;
  }

  CWriter(OutputStream stream) {
    this.sink = null;
    this.stream = stream;
  }

  CWriter append(String s) {
    sb.append(s);
    return this;
  }

  CWriter append(char c) {
    sb.append(c);
    return this;
  }

  CWriter append(int i) {
    sb.append(i);
    return this;
  }

  CWriter append(long l) {
    sb.append(l);
    return this;
  }

  /**
   * Indentation of nesting level {@code lvl}: one tab per level, at most 13 (libbpf's prefix string
   * is 13 tabs long, deeper levels reuse all of it).
   */
  CWriter indent(int lvl) {
    // every line inside a definition starts here: the one place a long definition can be cut
    flushIfLarge();
    sb.append(TABS, 0, Math.min(lvl, TABS.length()));
    return this;
  }

  /** Hands the buffered text to the sink when enough has accumulated. */
  void flushIfLarge() {
    if (sb.length() >= FLUSH_AT) {
      flush();
    }
  }

  /** Hands all buffered text to the sink. */
  void flush() {
    try {
      OutputStream s = stream;
      if (s != null) {
        s.write(ByteExactUtf8.encode(sb));
      } else {
        java.util.Objects.requireNonNull(sink).append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sb.setLength(0);
  }
}
