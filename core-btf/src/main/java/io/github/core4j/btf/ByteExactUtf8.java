package io.github.core4j.btf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * BTF strings as Java strings that keep their exact bytes. BTF says nothing about encodings and
 * libbpf treats names as bytes, so a name may be any byte sequence. Valid UTF-8 decodes as usual;
 * every byte of a sequence that is not UTF-8 becomes the lone surrogate {@code U+DC80 + byte}
 * (Python's "surrogateescape"; no valid UTF-8 decodes to a lone surrogate, so nothing is
 * ambiguous), and {@link #encode} turns those back into the bytes. Dumps written through {@link
 * #encode} are then byte-identical to bpftool's, and rewritten BTF keeps every name.
 */
public final class ByteExactUtf8 {
  private static final char ESCAPE_BASE = 0xDC00;

  private ByteExactUtf8() {}

  /** Decodes {@code len} bytes of {@code a} from {@code off}. */
  public static String decode(byte[] a, int off, int len) {
    int end = off + len;
    int i = off;
    while (i < end) {
      int n = validSequenceLength(a, i, end);
      if (n == 0) {
        return decodeWithEscapes(a, off, end, i);
      }
      i += n;
    }
    return new String(a, off, len, StandardCharsets.UTF_8);
  }

  private static String decodeWithEscapes(byte[] a, int off, int end, int firstInvalid) {
    StringBuilder sb = new StringBuilder(end - off);
    sb.append(new String(a, off, firstInvalid - off, StandardCharsets.UTF_8));
    int i = firstInvalid;
    while (i < end) {
      int n = validSequenceLength(a, i, end);
      if (n == 0) {
        sb.append((char) (ESCAPE_BASE | (a[i] & 0xff)));
        i++;
      } else {
        sb.append(new String(a, i, n, StandardCharsets.UTF_8));
        i += n;
      }
    }
    return sb.toString();
  }

  /**
   * The length of the well-formed UTF-8 sequence at {@code i} (Unicode's table 3-7: no overlong
   * forms, no encoded surrogates, nothing past U+10FFFF), or 0 when the byte there starts none.
   */
  private static int validSequenceLength(byte[] a, int i, int end) {
    int b0 = a[i] & 0xff;
    if (b0 < 0x80) {
      return 1;
    }
    int n;
    int lo = 0x80;
    int hi = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      n = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      n = 3;
      if (b0 == 0xe0) {
        lo = 0xa0;
      } else if (b0 == 0xed) {
        hi = 0x9f;
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      n = 4;
      if (b0 == 0xf0) {
        lo = 0x90;
      } else if (b0 == 0xf4) {
        hi = 0x8f;
      }
    } else {
      return 0;
    }
    if (i + n > end) {
      return 0;
    }
    int b1 = a[i + 1] & 0xff;
    if (b1 < lo || b1 > hi) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      int b = a[i + k] & 0xff;
      if (b < 0x80 || b > 0xbf) {
        return 0;
      }
    }
    return n;
  }

  /** Encodes {@code s} as UTF-8, escaped bytes as themselves. */
  public static byte[] encode(CharSequence s) {
    int len = s.length();
    int i = 0;
    while (i < len && !Character.isSurrogate(s.charAt(i))) {
      i++;
    }
    if (i == len) {
      return s.toString().getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
    byte[] head = s.subSequence(0, i).toString().getBytes(StandardCharsets.UTF_8);
    out.write(head, 0, head.length);
    while (i < len) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        byte[] pair = s.subSequence(i, i + 2).toString().getBytes(StandardCharsets.UTF_8);
        out.write(pair, 0, pair.length);
        i += 2;
        continue;
      }
      if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff) {
        out.write(c & 0xff);
      } else {
        byte[] one = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(one, 0, one.length);
      }
      i++;
    }
    return out.toByteArray();
  }
}
