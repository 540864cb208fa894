package io.github.core4j.btf.dump;

/**
 * A minimal streaming JSON writer for flat report lines: objects, arrays, strings and numbers.
 * Unsigned 32-bit BTF fields are written as unsigned numbers.
 */
final class JsonWriter {
  private final StringBuilder sb = new StringBuilder(256);
  private boolean needComma;

  void reset() {
    sb.setLength(0);
    needComma = false;
  }

  CharSequence text() {
    return sb;
  }

  JsonWriter beginObject() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  JsonWriter endObject() {
    sb.append('}');
    needComma = true;
    return this;
  }

  JsonWriter beginArray() {
    sb.append('[');
    needComma = false;
    return this;
  }

  JsonWriter endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  JsonWriter name(String name) {
    comma();
    string(name);
    sb.append(':');
    needComma = false;
    return this;
  }

  void field(String name, String value) {
    name(name);
    string(value);
    needComma = true;
  }

  /** An unsigned 32-bit value. */
  void field(String name, int value) {
    rawField(name, Integer.toUnsignedString(value));
  }

  void field(String name, long value) {
    rawField(name, Long.toString(value));
  }

  void field(String name, boolean value) {
    rawField(name, Boolean.toString(value));
  }

  void rawField(String name, String literal) {
    name(name);
    sb.append(literal);
    needComma = true;
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  private void string(String s) {
    JsonStrings.appendQuoted(sb, s);
  }
}
