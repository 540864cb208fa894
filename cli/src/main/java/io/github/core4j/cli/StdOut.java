package io.github.core4j.cli;

import io.github.core4j.btf.ByteExactUtf8;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Buffered command output for large dumps, encoded by {@link ByteExactUtf8} so that names which are
 * not UTF-8 come out as the bytes the BTF holds (as bpftool prints them). Unlike {@link System#out}
 * it reports write errors, so a closed pipe ({@code | head}) stops the command instead of being
 * ignored.
 */
final class StdOut implements Appendable, AutoCloseable {
  private static final int FLUSH_AT = 1 << 16;

  private final OutputStream out;
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

  StdOut(OutputStream stream) {
    this.out = stream;
  }

  @Override
  public StdOut append(CharSequence csq) {
    buffer.append(csq);
    flushIfLarge();
    return this;
  }

  private void flushIfLarge() {
    if (buffer.length() >= FLUSH_AT) {
      flush();
    }
  }

  private void flush() {
    try {
      out.write(ByteExactUtf8.encode(buffer));
      buffer.setLength(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public StdOut append(CharSequence csq, int start, int end) {
    return append(csq.subSequence(start, end));
  }

  @Override
  public StdOut append(char c) {
    buffer.append(c);
    flushIfLarge();
    return this;
  }

  @Override
  public void close() {
    flush();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
