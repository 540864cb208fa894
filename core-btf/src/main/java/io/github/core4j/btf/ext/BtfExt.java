package io.github.core4j.btf.ext;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A parsed {@code .BTF.ext} section: function info, line info and CO-RE relocation records per ELF
 * section. Names and strings the records refer to (section names, file names, access strings) are
 * resolved against the object's own {@link Btf}, which must be the {@code .BTF} of the same object.
 *
 * <p>Validation follows libbpf's {@code btf_ext__new}: magic in either byte order, version 1, no
 * flags, a header of at least 24 bytes, subsections 4-byte aligned and inside the data, record
 * sizes at least the kernel's and a multiple of 4, no empty subsection or section. Every failure is
 * a {@link BtfFormatException} naming the source, the byte offset and what was expected.
 */
public final class BtfExt {
  private final String source;
  private final ByteOrder byteOrder;
  private final BtfExtHeader header;
  private final BtfExtInfo<FuncInfo> funcInfo;
  private final BtfExtInfo<LineInfo> lineInfo;
  private final BtfExtInfo<CoreRelo> coreRelos;

  BtfExt(
      String source,
      ByteOrder byteOrder,
      BtfExtHeader header,
      BtfExtInfo<FuncInfo> funcInfo,
      BtfExtInfo<LineInfo> lineInfo,
      BtfExtInfo<CoreRelo> coreRelos) {
    this.source = source;
    this.byteOrder = byteOrder;
    this.header = header;
    this.funcInfo = funcInfo;
    this.lineInfo = lineInfo;
    this.coreRelos = coreRelos;
  }

  /**
   * Parses {@code bytes}, the raw {@code .BTF.ext} section, resolving strings in {@code btf};
   * {@code source} names the bytes in error messages.
   */
  public static BtfExt parse(byte[] bytes, Btf btf, String source) {
    return BtfExtParser.parse(ByteBuffer.wrap(bytes), btf, source);
  }

  /** Parses the buffer's remaining bytes (not copied; the buffer's position is left alone). */
  public static BtfExt parse(ByteBuffer bytes, Btf btf, String source) {
    return BtfExtParser.parse(bytes.slice(), btf, source);
  }

  /** Where the bytes came from, as used in error messages. */
  public String source() {
    return source;
  }

  /** The byte order the section was written in. */
  public ByteOrder byteOrder() {
    return byteOrder;
  }

  /** The header as read (converted to host values). */
  public BtfExtHeader header() {
    return header;
  }

  /** Function info records per ELF section. */
  public BtfExtInfo<FuncInfo> funcInfo() {
    return funcInfo;
  }

  /** Line info records per ELF section. */
  public BtfExtInfo<LineInfo> lineInfo() {
    return lineInfo;
  }

  /** CO-RE relocation records per ELF section; empty when the header predates them. */
  public BtfExtInfo<CoreRelo> coreRelos() {
    return coreRelos;
  }

  @Override
  public String toString() {
    return "BtfExt["
        + source
        + ", "
        + funcInfo.recordCount()
        + " func info, "
        + lineInfo.recordCount()
        + " line info, "
        + coreRelos.recordCount()
        + " CO-RE relocations]";
  }
}
