package io.github.core4j.btf.write;

import io.github.core4j.btf.Btf;
import io.github.core4j.btf.BtfHeader;
import io.github.core4j.btf.BtfType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Encodes BTF to bytes in either byte order. Writing a parsed {@link Btf} keeps its string section
 * and layout section as they are and re-encodes every type from its record, so {@code
 * write(parse(x))} reproduces {@code x} for BTF produced by pahole, clang and libbpf.
 */
public final class BtfWriter {
  private BtfWriter() {}

  /** Encodes every type stored in {@code btf} (not its base) in {@code order}. */
  public static byte[] write(Btf btf, ByteOrder order) {
    StringTable baseStrings = btf.base().map(BtfWriter::baseTable).orElse(null);
    StringTable strings = StringTable.copyOf(btf, baseStrings);
    List<BtfType> types = new ArrayList<>(btf.typeCount() - btf.firstId());
    for (int id = btf.firstId(); id < btf.typeCount(); id++) {
      types.add(btf.type(id));
    }
    ByteBuffer layout = btf.layoutSection();
    byte[] layoutBytes = new byte[layout.remaining()];
    layout.get(layoutBytes);
    if (order != btf.byteOrder()) {
      for (int i = 0; i + 3 < layoutBytes.length; i += 4) {
        byte flagsLow = layoutBytes[i + 2];
        layoutBytes[i + 2] = layoutBytes[i + 3];
        layoutBytes[i + 3] = flagsLow;
      }
    }
    return encode(types, strings, layoutBytes, btf.header().hdrLen(), order);
  }

  /**
   * Encodes {@code types} as base BTF ({@code base == null}, ids from 1) or as split BTF on {@code
   * base} (ids continue the base's), with a fresh string section.
   */
  public static byte[] write(List<BtfType> types, @Nullable Btf base, ByteOrder order) {
    StringTable strings = StringTable.empty(base == null ? null : baseTable(base));
    return encode(types, strings, new byte[0], BtfHeader.CLASSIC_SIZE, order);
  }

  private static StringTable baseTable(Btf base) {
    return StringTable.copyOf(base, base.base().map(BtfWriter::baseTable).orElse(null));
  }

  private static byte[] encode(
      List<BtfType> types, StringTable strings, byte[] layout, int hdrLen, ByteOrder order) {
    TypeEncoder encoder = new TypeEncoder(strings, order);
    for (BtfType t : types) {
      encoder.encode(t);
    }
    byte[] typeBytes = encoder.toByteArray();
    byte[] strBytes = strings.toByteArray();
    int headerLen = layout.length > 0 ? Math.max(hdrLen, BtfHeader.WITH_LAYOUT_SIZE) : hdrLen;
    ByteBuffer out =
        ByteBuffer.allocate(headerLen + typeBytes.length + layout.length + strBytes.length)
            .order(order);
    out.putShort((short) BtfHeader.MAGIC);
    out.put((byte) 1);
    out.put((byte) 0);
    out.putInt(headerLen);
    out.putInt(0);
    out.putInt(typeBytes.length);
    out.putInt(typeBytes.length + layout.length);
    out.putInt(strBytes.length);
    if (headerLen >= BtfHeader.WITH_LAYOUT_SIZE) {
      out.putInt(layout.length == 0 ? 0 : typeBytes.length);
      out.putInt(layout.length);
    }
    out.position(headerLen);
    out.put(typeBytes);
    out.put(layout);
    out.put(strBytes);
    return out.array();
  }
}
