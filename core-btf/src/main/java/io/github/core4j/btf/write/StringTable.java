package io.github.core4j.btf.write;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.ByteExactUtf8;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A BTF string section under construction. It can start as a copy of an existing section, so that
 * re-encoding parsed BTF keeps every name at its original offset; new strings are appended once
 * each. For split BTF, strings already in the base are referenced at the base's offsets.
 */
final class StringTable {
  private final Map<String, Integer> offsets = new HashMap<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final @Nullable StringTable base;
  private final int firstOffset;

  private StringTable(@Nullable StringTable base) {
    this.base = base;
    this.firstOffset = base == null ? 0 : base.end();
  }

  /** A table holding just the empty string (base BTF) or nothing yet (split BTF). */
  static StringTable empty(@Nullable StringTable base) {
    StringTable t = new StringTable(base);
    if (base == null) {
      t.offsets.put("", 0);
      t.bytes.write(0);
    }
    return t;
  }

  /** A table whose bytes are {@code btf}'s string section, unchanged. */
  static StringTable copyOf(Btf btf, @Nullable StringTable base) {
    StringTable t = new StringTable(base);
    ByteBuffer section = btf.stringSection();
    byte[] raw = new byte[section.remaining()];
    section.get(raw);
    t.bytes.write(raw, 0, raw.length);
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == 0) {
        String s = ByteExactUtf8.decode(raw, start, i - start);
        t.offsets.putIfAbsent(s, t.firstOffset + start);
        start = i + 1;
      }
    }
    return t;
  }

  /** The offset of {@code s}, adding it if it is new. */
  int offsetOf(String s) {
    if (base != null) {
      Integer inBase = base.find(s);
      if (inBase != null) {
        return inBase;
      }
    }
    Integer existing = offsets.get(s);
    if (existing != null) {
      return existing;
    }
    int offset = firstOffset + bytes.size();
    byte[] utf8 = ByteExactUtf8.encode(s);
    bytes.write(utf8, 0, utf8.length);
    bytes.write(0);
    offsets.put(s, offset);
    return offset;
  }

  private @Nullable Integer find(String s) {
    Integer inBase = base == null ? null : base.find(s);
    return inBase != null ? inBase : offsets.get(s);
  }

  int end() {
    return firstOffset + bytes.size();
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
