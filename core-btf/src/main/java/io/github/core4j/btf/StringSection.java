package io.github.core4j.btf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The string section of one BTF blob. Offsets below {@code firstOffset} belong to the base BTF's
 * section (split BTF continues the base's offsets). Strings are decoded on demand.
 */
final class StringSection {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ByteBuffer buf;
  private final int start;
  private final int length;
  private final int firstOffset;
  private final @Nullable StringSection base;

  /** The heap array behind {@code buf} and where the buffer starts in it, looked up once. */
  private final byte @Nullable [] array;

  private final int arrayBase;

  StringSection(ByteBuffer buf, int start, int length, @Nullable StringSection base) {
    this.buf = buf;
    this.start = start;
    this.length = length;
    this.base = base;
    this.firstOffset = base == null ? 0 : base.end();
    this.array = buf.hasArray() ? buf.array() : null;
    this.arrayBase = buf.hasArray() ? buf.arrayOffset() : 0;
  }

  /** One past the largest offset this section (with its bases) answers. */
  int end() {
    return firstOffset + length;
  }

  int firstOffset() {
    return firstOffset;
  }

  int length() {
    return length;
  }

  int start() {
    return start;
  }

  boolean isValid(int offset) {
    if (offset < 0) {
      return false;
    }
    StringSection inBase = base;
    if (inBase != null && offset < firstOffset) {
      return inBase.isValid(offset);
    }
    return offset - firstOffset < length;
  }

  /** The NUL-terminated string at {@code offset}; the caller has checked {@link #isValid}. */
  String get(int offset) {
    StringSection inBase = base;
    if (inBase != null && offset < firstOffset) {
      return inBase.get(offset);
    }
    int from = start + offset - firstOffset;
    byte[] a = array;
    if (a != null) {
      int first = arrayBase + from;
      int limit = arrayBase + start + length; // the section ends with a NUL
      int i = first;
      long highBits = 0;
      // Eight bytes at a time: find the first zero byte, remember whether any byte is non-ASCII.
      while (i + 8 <= limit) {
        long v = (long) LONGS.get(a, i);
        long zeros = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
        if (zeros != 0) {
          int n = Long.numberOfTrailingZeros(zeros) >>> 3;
          highBits |= v & ((1L << (n * 8)) - 1) & 0x8080808080808080L;
          i += n;
          return i == first ? "" : latin1OrUtf8(a, first, i - first, highBits == 0);
        }
        highBits |= v & 0x8080808080808080L;
        i += 8;
      }
      while (a[i] != 0) {
        highBits |= a[i] & 0x80;
        i++;
      }
      return i == first ? "" : latin1OrUtf8(a, first, i - first, highBits == 0);
    }
    int to = from;
    while (buf.get(to) != 0) {
      to++;
    }
    if (to == from) {
      return "";
    }
    byte[] bytes = new byte[to - from];
    buf.get(from, bytes);
    return ByteExactUtf8.decode(bytes, 0, bytes.length);
  }

  private static String latin1OrUtf8(byte[] a, int from, int len, boolean ascii) {
    // ASCII (all kernel identifiers) needs no decoding: Latin-1 is a plain copy.
    return ascii
        ? new String(a, from, len, StandardCharsets.ISO_8859_1)
        : ByteExactUtf8.decode(a, from, len);
  }

  /** Whether the string at a valid {@code offset} is empty, without decoding it. */
  boolean isEmptyAt(int offset) {
    StringSection inBase = base;
    if (inBase != null && offset < firstOffset) {
      return inBase.isEmptyAt(offset);
    }
    return buf.get(start + offset - firstOffset) == 0;
  }

  /** Whether the string at a valid {@code offset} equals {@code ascii} without decoding it. */
  boolean equalsAt(int offset, byte[] ascii) {
    StringSection inBase = base;
    if (inBase != null && offset < firstOffset) {
      return inBase.equalsAt(offset, ascii);
    }
    int p = start + offset - firstOffset;
    for (byte b : ascii) {
      if (buf.get(p++) != b) {
        return false;
      }
    }
    return buf.get(p) == 0;
  }
}
