package io.github.core4j.btf.ext;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFormatException;
import io.github.core4j.btf.BtfHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .BTF.ext}: header, then each of the three info subsections. A subsection is a 32-bit
 * record size followed by sections of {@code {u32 sec_name_off; u32 num_info; records...}}. All
 * counts are checked against the bytes present before anything is allocated.
 */
final class BtfExtParser {
  /** {@code sizeof(struct bpf_func_info)}. */
  static final int FUNC_INFO_MIN_SIZE = 8;

  /** {@code sizeof(struct bpf_line_info)}. */
  static final int LINE_INFO_MIN_SIZE = 16;

  /** {@code sizeof(struct bpf_core_relo)}. */
  static final int CORE_RELO_MIN_SIZE = 16;

  private static final int SECTION_HEADER_SIZE = 8;

  private BtfExtParser() {}

  /** Decodes one record that starts at {@code pos}. */
  private interface RecordReader<R> {
    R read(ByteBuffer buf, int pos);
  }

  static BtfExt parse(ByteBuffer buf, Btf btf, String source) {
    int size = buf.remaining();
    if (size < 8) {
      throw new BtfFormatException(
          source, 0, ".BTF.ext header needs at least 8 bytes but the data has only " + size);
    }
    buf.order(BtfHeader.byteOrderOf(buf, ".BTF.ext", source));
    int version = buf.get(2) & 0xff;
    int flags = buf.get(3) & 0xff;
    if (version != 1) {
      throw new BtfFormatException(
          source, 2, "unsupported .BTF.ext version " + version + ", expected 1");
    }
    if (flags != 0) {
      throw new BtfFormatException(
          source, 3, "unsupported .BTF.ext flags 0x" + Integer.toHexString(flags) + ", expected 0");
    }
    long hdrLen = Integer.toUnsignedLong(buf.getInt(4));
    if (hdrLen > size) {
      throw new BtfFormatException(
          source, 4, "hdr_len " + hdrLen + " is larger than the data (" + size + " bytes)");
    }
    if (hdrLen == size) {
      throw new BtfFormatException(
          source, 4, "hdr_len " + hdrLen + " leaves no room for data after the header");
    }
    if (hdrLen < BtfExtHeader.MIN_SIZE) {
      throw new BtfFormatException(
          source,
          4,
          "hdr_len "
              + hdrLen
              + " is too small: func_info and line_info need a header of at least "
              + BtfExtHeader.MIN_SIZE
              + " bytes");
    }
    boolean hasCoreRelo = hdrLen >= BtfExtHeader.WITH_CORE_RELO_SIZE;
    BtfExtHeader header =
        new BtfExtHeader(
            version,
            flags,
            (int) hdrLen,
            buf.getInt(8),
            buf.getInt(12),
            buf.getInt(16),
            buf.getInt(20),
            hasCoreRelo ? buf.getInt(24) : 0,
            hasCoreRelo ? buf.getInt(28) : 0);

    BtfExtInfo<FuncInfo> funcInfo =
        readInfo(
            buf,
            btf,
            source,
            "func_info",
            8,
            header.funcInfoOff(),
            header.funcInfoLen(),
            FUNC_INFO_MIN_SIZE,
            (b, pos) -> new FuncInfo(b.getInt(pos), b.getInt(pos + 4)));
    BtfExtInfo<LineInfo> lineInfo =
        readInfo(
            buf,
            btf,
            source,
            "line_info",
            16,
            header.lineInfoOff(),
            header.lineInfoLen(),
            LINE_INFO_MIN_SIZE,
            (b, pos) -> {
              int lineCol = b.getInt(pos + 12);
              return new LineInfo(
                  b.getInt(pos),
                  string(btf, b.getInt(pos + 4), pos + 4, "file name", source),
                  string(btf, b.getInt(pos + 8), pos + 8, "source line", source),
                  lineCol >>> 10,
                  lineCol & 0x3ff);
            });
    BtfExtInfo<CoreRelo> coreRelos =
        hasCoreRelo
            ? readInfo(
                buf,
                btf,
                source,
                "core_relo",
                24,
                header.coreReloOff(),
                header.coreReloLen(),
                CORE_RELO_MIN_SIZE,
                (b, pos) ->
                    new CoreRelo(
                        b.getInt(pos),
                        b.getInt(pos + 4),
                        string(btf, b.getInt(pos + 8), pos + 8, "access string", source),
                        b.getInt(pos + 12)))
            : new BtfExtInfo<>(0, List.of());
    return new BtfExt(source, buf.order(), header, funcInfo, lineInfo, coreRelos);
  }

  private static <R> BtfExtInfo<R> readInfo(
      ByteBuffer buf,
      Btf btf,
      String source,
      String what,
      int headerField,
      int offField,
      int lenField,
      int minRecordSize,
      RecordReader<R> reader) {
    long len = Integer.toUnsignedLong(lenField);
    long off = Integer.toUnsignedLong(offField);
    if (len == 0) {
      return new BtfExtInfo<>(0, List.of());
    }
    int hdrLen = buf.getInt(4);
    if ((off & 3) != 0) {
      throw new BtfFormatException(
          source, headerField, what + " subsection offset " + off + " is not 4-byte aligned");
    }
    long start = hdrLen + off;
    long end = start + len;
    if (end > buf.limit()) {
      throw new BtfFormatException(
          source,
          headerField,
          what
              + " subsection (off "
              + off
              + ", len "
              + len
              + ") ends at byte "
              + end
              + ", past the end of the data ("
              + buf.limit()
              + " bytes)");
    }
    if (len < 4) {
      throw new BtfFormatException(
          source, start, what + " subsection of " + len + " bytes has no record size");
    }
    long recordSize = Integer.toUnsignedLong(buf.getInt((int) start));
    if (recordSize < minRecordSize || (recordSize & 3) != 0) {
      throw new BtfFormatException(
          source,
          start,
          what
              + " record size "
              + recordSize
              + " is invalid: expected a multiple of 4 of at least "
              + minRecordSize);
    }
    long pos = start + 4;
    if (pos == end) {
      throw new BtfFormatException(source, pos, what + " subsection has no sections");
    }
    List<BtfExtSection<R>> sections = new ArrayList<>();
    while (pos < end) {
      if (end - pos < SECTION_HEADER_SIZE) {
        throw new BtfFormatException(
            source,
            pos,
            what
                + " section header needs "
                + SECTION_HEADER_SIZE
                + " bytes but the subsection has "
                + (end - pos)
                + " left");
      }
      int nameOff = buf.getInt((int) pos);
      long count = Integer.toUnsignedLong(buf.getInt((int) pos + 4));
      String name = string(btf, nameOff, pos, what + " section name", source);
      if (name.isEmpty()) {
        throw new BtfFormatException(
            source, pos, what + " section name at string offset " + nameOff + " is empty");
      }
      if (count == 0) {
        throw new BtfFormatException(
            source, pos + 4, what + " section '" + name + "' has no records (num_info 0)");
      }
      // count and record size are both 32-bit: compare by division so the product cannot overflow
      if (count > (end - pos - SECTION_HEADER_SIZE) / recordSize) {
        throw new BtfFormatException(
            source,
            pos + 4,
            what
                + " section '"
                + name
                + "' claims "
                + count
                + " records of "
                + recordSize
                + " bytes but the subsection has "
                + (end - pos - SECTION_HEADER_SIZE)
                + " bytes left");
      }
      pos += SECTION_HEADER_SIZE;
      List<R> records = new ArrayList<>((int) count);
      for (long i = 0; i < count; i++) {
        records.add(reader.read(buf, (int) pos));
        pos += recordSize;
      }
      sections.add(new BtfExtSection<>(name, records));
    }
    return new BtfExtInfo<>((int) recordSize, sections);
  }

  private static String string(Btf btf, int offset, long at, String what, String source) {
    try {
      return btf.string(offset);
    } catch (IllegalArgumentException e) {
      throw new BtfFormatException(
          source,
          at,
          what
              + " at string offset "
              + Integer.toUnsignedLong(offset)
              + " is outside the string section of "
              + btf.source());
    }
  }
}
