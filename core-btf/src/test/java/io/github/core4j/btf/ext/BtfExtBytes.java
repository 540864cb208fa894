package io.github.core4j.btf.ext;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes {@code .BTF.ext} bytes for tests: a header and raw subsections, in either byte order. */
final class BtfExtBytes {
  private final ByteOrder order;
  private int hdrLen = 32;
  private int version = 1;
  private int flags = 0;
  private byte[] funcInfo = new byte[0];
  private byte[] lineInfo = new byte[0];
  private byte[] coreRelo = new byte[0];

  BtfExtBytes(ByteOrder order) {
    this.order = order;
  }

  BtfExtBytes hdrLen(int hdrLen) {
    this.hdrLen = hdrLen;
    return this;
  }

  BtfExtBytes version(int version) {
    this.version = version;
    return this;
  }

  BtfExtBytes flags(int flags) {
    this.flags = flags;
    return this;
  }

  BtfExtBytes funcInfo(byte[] subsection) {
    this.funcInfo = subsection;
    return this;
  }

  BtfExtBytes lineInfo(byte[] subsection) {
    this.lineInfo = subsection;
    return this;
  }

  BtfExtBytes coreRelo(byte[] subsection) {
    this.coreRelo = subsection;
    return this;
  }

  /** A subsection: record size, then sections given as {nameOff, numInfo, record words...}. */
  byte[] subsection(int recordSize, int[]... sections) {
    int words = 1;
    for (int[] s : sections) {
      words += s.length;
    }
    ByteBuffer b = ByteBuffer.allocate(words * 4).order(order);
    b.putInt(recordSize);
    for (int[] s : sections) {
      for (int w : s) {
        b.putInt(w);
      }
    }
    return b.array();
  }

  byte[] build() {
    ByteBuffer h = ByteBuffer.allocate(Math.max(hdrLen, 32)).order(order);
    h.putShort((short) 0xEB9F).put((byte) version).put((byte) flags).putInt(hdrLen);
    int off = 0;
    h.putInt(off).putInt(funcInfo.length);
    off += funcInfo.length;
    h.putInt(off).putInt(lineInfo.length);
    off += lineInfo.length;
    if (hdrLen >= 32) {
      h.putInt(off).putInt(coreRelo.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(h.array(), 0, hdrLen);
    out.writeBytes(funcInfo);
    out.writeBytes(lineInfo);
    if (hdrLen >= 32) {
      out.writeBytes(coreRelo);
    }
    return out.toByteArray();
  }
}
