package io.github.core4j.runtime.loader;

import io.github.core4j.btf.Btf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the offset of a string in an object's BTF string section: {@code .BTF.ext} line info is
 * decoded to file names and source lines, and the kernel wants them back as offsets into the BTF
 * loaded with the program.
 */
final class BtfStringOffsets {
  private final byte[] strings;
  private final Map<String, Integer> starts = new HashMap<>();

  BtfStringOffsets(Btf btf) {
    ByteBuffer s = btf.stringSection();
    strings = new byte[s.remaining()];
    s.get(strings);
    int start = 0;
    for (int i = 0; i < strings.length; i++) {
      if (strings[i] == 0) {
        starts.putIfAbsent(new String(strings, start, i - start, StandardCharsets.UTF_8), start);
        start = i + 1;
      }
    }
  }

  /** The offset of {@code s} (a whole string, or the tail of a longer one), or 0 when absent. */
  int offsetOf(String s) {
    Integer off = starts.get(s);
    if (off != null) {
      return off;
    }
    byte[] needle = (s + "\0").getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= strings.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (strings[i + j] != needle[j]) {
          continue outer;
        }
      }
      starts.put(s, i);
      return i;
    }
    return 0;
  }
}
