package io.github.core4j.btf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.jspecify.annotations.Nullable;

/**
 * Reads the header, checks the section layout, indexes every type's offset in one pass over the
 * type section, then has {@link BtfValidator} check every type. Everything is bounds-checked
 * against the bytes actually present before it is used, so hostile counts cannot cause large
 * allocations.
 */
final class BtfParser {
  /** Largest type id the kernel accepts ({@code BTF_MAX_TYPE}). */
  static final int MAX_TYPE_ID = 0x000fffff;

  private static final int TYPE_HEADER_SIZE = 12;

  /**
   * {@link BtfKind#infoSize()} and {@link BtfKind#elementSize()} by kind number, for the index
   * pass.
   */
  private static final int[] INFO_SIZE = new int[BtfKind.MAX_KNOWN + 1];

  private static final int[] ELEMENT_SIZE = new int[BtfKind.MAX_KNOWN + 1];

  static {
    for (BtfKind kind : BtfKind.values()) {
      INFO_SIZE[kind.value()] = kind.infoSize();
      ELEMENT_SIZE[kind.value()] = kind.elementSize();
    }
  }

  /** Blobs with this many types or more are checked in two halves at once. */
  private static final int PARALLEL_MIN_TYPES = 16_384;

  private BtfParser() {}

  static Btf parse(ByteBuffer bytes, @Nullable Btf base, String source) {
    ByteBuffer buf = bytes.slice();
    int size = buf.remaining();
    if (size < BtfHeader.CLASSIC_SIZE) {
      throw new BtfFormatException(
          source,
          0,
          "BTF header needs " + BtfHeader.CLASSIC_SIZE + " bytes but the data has only " + size);
    }
    buf.order(BtfHeader.byteOrderOf(buf, "BTF", source));
    BtfHeader header = readHeader(buf, size, base, source);
    int typeStart = header.hdrLen() + header.typeOff();
    int strStart = header.hdrLen() + header.strOff();
    StringSection strings =
        new StringSection(buf, strStart, header.strLen(), base == null ? null : base.strings());
    KindLayout layout =
        header.layoutLen() == 0
            ? (base == null ? KindLayout.NONE : base.layout())
            : new KindLayout(buf, header.hdrLen() + header.layoutOff(), header.layoutLen() / 4);

    int firstId = base == null ? 1 : base.typeCount();
    int capacity = header.typeLen() / TYPE_HEADER_SIZE + 1;
    int[] offsets = new int[capacity];
    byte[] kinds = new byte[capacity];
    int count = 0;
    BtfFormatException indexError = null;
    int pos = typeStart;
    int end = typeStart + header.typeLen();
    try {
      while (pos < end) {
        int typeSize = indexedSize(buf, pos, end, firstId + count, layout, source);
        kinds[count] = (byte) ((buf.getInt(pos + 4) >>> 24) & 0x7f);
        offsets[count++] = pos;
        pos += typeSize;
      }
    } catch (BtfFormatException e) {
      indexError = e; // reported after the types before it, so the first malformed type is named
    }
    List<BtfValidator> validators =
        validate(source, buf, strings, base, firstId, offsets, kinds, count, indexError == null);
    if (indexError != null) {
      throw indexError;
    }
    Btf btf = new Btf(source, buf, header, base, offsets, kinds, count, strings, layout);
    for (BtfValidator validator : validators) {
      validator.finish(btf);
    }
    return btf;
  }

  /** The size of the type at {@code pos} (id {@code id}), checked against the section's end. */
  private static int indexedSize(
      ByteBuffer buf, int pos, int end, int id, KindLayout layout, String source) {
    if (end - pos < TYPE_HEADER_SIZE) {
      throw new BtfFormatException(
          source,
          pos,
          "type ["
              + id
              + "] is truncated: a type header needs 12 bytes but the type section has "
              + (end - pos)
              + " left");
    }
    if (id > MAX_TYPE_ID) {
      throw new BtfFormatException(
          source, pos, "more than " + MAX_TYPE_ID + " types (the kernel's BTF_MAX_TYPE)");
    }
    int info = buf.getInt(pos + 4);
    long typeSize = TYPE_HEADER_SIZE + trailingSize(info, layout, id, pos, source);
    if (typeSize > end - pos) {
      throw new BtfFormatException(
          source,
          pos,
          "type ["
              + id
              + "] "
              + kindLabel(info)
              + " with vlen "
              + (info & 0xffffff)
              + " needs "
              + typeSize
              + " bytes but the type section has "
              + (end - pos)
              + " left");
    }
    return (int) typeSize;
  }

  /**
   * Checks every indexed type as the kernel does. Kernel BTF (100,000+ types) is checked in two
   * halves at once when the machine has a second core, since the checks read every byte of the type
   * section; if both halves hold a malformed type, the lower id is reported, as one pass would.
   *
   * @return the validators, whose {@link BtfValidator#finish} checks remain
   */
  private static List<BtfValidator> validate(
      String source,
      ByteBuffer buf,
      StringSection strings,
      @Nullable Btf base,
      int firstId,
      int[] offsets,
      byte[] kinds,
      int count,
      boolean complete) {
    BtfValidator first =
        new BtfValidator(source, buf, strings, base, firstId, offsets, kinds, count, complete);
    if (!complete
        || count < PARALLEL_MIN_TYPES
        || Runtime.getRuntime().availableProcessors() < 2
        || ForkJoinPool.getCommonPoolParallelism() < 1) {
      first.checkRange(0, count);
      return List.of(first);
    }
    BtfValidator second =
        new BtfValidator(
            source,
            buf.duplicate().order(buf.order()),
            strings,
            base,
            firstId,
            offsets,
            kinds,
            count,
            true);
    int half = count / 2;
    BtfFormatException[] secondError = new BtfFormatException[1];
    ForkJoinTask<?> task =
        ForkJoinTask.adapt(
                () -> {
                  try {
                    second.checkRange(half, count);
                  } catch (BtfFormatException e) {
                    secondError[0] = e;
                  }
                })
            .fork();
    try {
      first.checkRange(0, half);
    } finally {
      task.join(); // runs the second half here if no worker has taken it
    }
    if (secondError[0] != null) {
      throw secondError[0];
    }
    return List.of(first, second);
  }

  private static BtfHeader readHeader(ByteBuffer buf, int size, @Nullable Btf base, String source) {
    int version = buf.get(2) & 0xff;
    int flags = buf.get(3) & 0xff;
    if (version != 1) {
      throw new BtfFormatException(
          source, 2, "unsupported BTF version " + version + ", expected 1");
    }
    if (flags != 0) {
      throw new BtfFormatException(
          source,
          3,
          "unsupported BTF header flags 0x" + Integer.toHexString(flags) + ", expected 0");
    }
    long hdrLen = Integer.toUnsignedLong(buf.getInt(4));
    if (hdrLen < BtfHeader.CLASSIC_SIZE) {
      throw new BtfFormatException(
          source, 4, "hdr_len " + hdrLen + " is smaller than the 24-byte BTF header");
    }
    if (hdrLen > size) {
      throw new BtfFormatException(
          source, 4, "hdr_len " + hdrLen + " is larger than the data (" + size + " bytes)");
    }
    long typeOff = Integer.toUnsignedLong(buf.getInt(8));
    long typeLen = Integer.toUnsignedLong(buf.getInt(12));
    long strOff = Integer.toUnsignedLong(buf.getInt(16));
    long strLen = Integer.toUnsignedLong(buf.getInt(20));
    long layoutOff = 0;
    long layoutLen = 0;
    if (hdrLen >= BtfHeader.WITH_LAYOUT_SIZE) {
      layoutOff = Integer.toUnsignedLong(buf.getInt(24));
      layoutLen = Integer.toUnsignedLong(buf.getInt(28));
    } else if (hdrLen > BtfHeader.CLASSIC_SIZE) {
      for (int i = BtfHeader.CLASSIC_SIZE; i < hdrLen; i++) {
        if (buf.get(i) != 0) {
          throw new BtfFormatException(
              source, i, "unknown non-zero BTF header data (hdr_len " + hdrLen + ")");
        }
      }
    }
    for (long i = BtfHeader.WITH_LAYOUT_SIZE; i < hdrLen; i++) {
      if (buf.get((int) i) != 0) {
        throw new BtfFormatException(
            source, i, "unknown non-zero BTF header data (hdr_len " + hdrLen + ")");
      }
    }
    long metaLeft = size - hdrLen;
    if (strOff + strLen > metaLeft) {
      throw new BtfFormatException(
          source,
          16,
          "string section at "
              + strOff
              + " + "
              + strLen
              + " ends past the data ("
              + metaLeft
              + " bytes after the header)");
    }
    if (typeOff + typeLen > strOff) {
      throw new BtfFormatException(
          source,
          8,
          "type section at "
              + typeOff
              + " + "
              + typeLen
              + " overlaps the string section at "
              + strOff);
    }
    if (typeOff % 4 != 0) {
      throw new BtfFormatException(
          source, 8, "type section offset " + typeOff + " is not 4-byte aligned");
    }
    if (layoutLen != 0) {
      if (layoutOff % 4 != 0 || layoutLen % 4 != 0) {
        throw new BtfFormatException(
            source,
            24,
            "layout section at " + layoutOff + " + " + layoutLen + " is not 4-byte aligned");
      }
      if (layoutOff < typeOff + typeLen || layoutOff + layoutLen > strOff) {
        throw new BtfFormatException(
            source,
            24,
            "layout section at "
                + layoutOff
                + " + "
                + layoutLen
                + " must lie between the type section (ends at "
                + (typeOff + typeLen)
                + ") and the string section (starts at "
                + strOff
                + ")");
      }
    }
    int strStart = (int) (hdrLen + strOff);
    if (base != null && strLen == 0) {
      // split BTF may use only its base's strings
    } else if (strLen == 0 || buf.get((int) (strStart + strLen - 1)) != 0) {
      throw new BtfFormatException(
          source,
          hdrLen + strOff + Math.max(0, strLen - 1),
          "string section must be non-empty and end with a NUL byte");
    } else if (base == null && buf.get(strStart) != 0) {
      throw new BtfFormatException(
          source,
          strStart,
          "string section must start with an empty string (is this split BTF that needs a base?)");
    }
    return new BtfHeader(
        1,
        flags,
        (int) hdrLen,
        (int) typeOff,
        (int) typeLen,
        (int) strOff,
        (int) strLen,
        (int) layoutOff,
        (int) layoutLen);
  }

  /** Bytes that follow the 12-byte common header of a type with this info word. */
  private static long trailingSize(int info, KindLayout layout, int id, int pos, String source) {
    int kindValue = (info >>> 24) & 0x7f;
    long vlen = info & 0xffffff;
    if (kindValue != 0 && kindValue <= BtfKind.MAX_KNOWN) {
      return INFO_SIZE[kindValue] + vlen * ELEMENT_SIZE[kindValue];
    }
    BtfKind kind = BtfKind.ofValue(kindValue);
    if (kind != null && kind != BtfKind.UNKN) {
      return kind.infoSize() + vlen * kind.elementSize();
    }
    if (kind == null && layout.covers(kindValue)) {
      int infoSize = layout.infoSize(kindValue);
      int elemSize = layout.elementSize(kindValue);
      if (infoSize % 4 != 0 || elemSize % 4 != 0) {
        throw new BtfFormatException(
            source,
            pos,
            "type ["
                + id
                + "] of unknown kind "
                + kindValue
                + " has a layout entry with sizes not a multiple of 4");
      }
      return infoSize + vlen * elemSize;
    }
    throw new BtfFormatException(
        source,
        pos,
        "type ["
            + id
            + "] has "
            + (kindValue == 0
                ? "kind 0 (UNKN), which no stored type may have"
                : "unknown kind " + kindValue)
            + (kindValue == 0
                ? ""
                : "; the BTF has no layout section entry that says how to skip it"));
  }

  static String kindLabel(int info) {
    int kindValue = (info >>> 24) & 0x7f;
    BtfKind kind = BtfKind.ofValue(kindValue);
    return kind == null ? "kind " + kindValue : kind.name();
  }
}
