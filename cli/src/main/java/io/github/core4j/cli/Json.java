package io.github.core4j.cli;

import io.github.core4j.btf.dump.JsonStrings;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer for command output: nested objects and arrays of strings, numbers, booleans
 * and nulls, written compactly on one line.
 */
final class Json {
  private final StringBuilder sb = new StringBuilder(1024);

  /** Per open object or array: whether the next element needs a comma. */
  private final Deque<Boolean> needsComma = new ArrayDeque<>();

  private boolean afterName;

  Json beginObject() {
    prefix();
    sb.append('{');
    needsComma.push(false);
    return this;
  }

  Json endObject() {
    needsComma.pop();
    sb.append('}');
    return this;
  }

  Json beginArray() {
    prefix();
    sb.append('[');
    needsComma.push(false);
    return this;
  }

  Json endArray() {
    needsComma.pop();
    sb.append(']');
    return this;
  }

  /** Writes {@code "name":}; the next call writes its value. */
  Json name(String name) {
    prefix();
    string(name);
    sb.append(':');
    afterName = true;
    return this;
  }

  Json value(String s) {
    prefix();
    string(s);
    return this;
  }

  Json value(long n) {
    prefix();
    sb.append(n);
    return this;
  }

  /** A 64-bit value read as unsigned ({@code __u64}), printed as libbpf's {@code %llu} does. */
  Json unsignedValue(long n) {
    prefix();
    sb.append(Long.toUnsignedString(n));
    return this;
  }

  Json value(boolean b) {
    prefix();
    sb.append(b);
    return this;
  }

  Json nullValue() {
    prefix();
    sb.append("null");
    return this;
  }

  Json field(String name, String s) {
    return name(name).value(s);
  }

  Json field(String name, long n) {
    return name(name).value(n);
  }

  Json field(String name, boolean b) {
    return name(name).value(b);
  }

  Json nullableField(String name, @Nullable String s) {
    return s == null ? name(name).nullValue() : name(name).value(s);
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  private void prefix() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!needsComma.isEmpty()) {
      if (needsComma.peek()) {
        sb.append(',');
      } else {
        needsComma.pop();
        needsComma.push(true);
      }
    }
  }

  private void string(String s) {
    JsonStrings.appendQuoted(sb, s);
  }
}
