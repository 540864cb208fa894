package io.github.core4j.runtime.prog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-encoded raw BTF for tests (the core-btf writer is not a dependency of these tests). */
final class BtfBytes {
  private BtfBytes() {}

  /** [1] int (signed, 32 bits), [2] FUNC_PROTO returning [1], [3] FUNC {@code name} of [2]. */
  static byte[] intFuncProto(String name) {
    ByteArrayOutputStream strings = new ByteArrayOutputStream();
    strings.write(0);
    int intName = strings.size();
    strings.writeBytes("int\0".getBytes(StandardCharsets.US_ASCII));
    int funcName = strings.size();
    strings.writeBytes((name + "\0").getBytes(StandardCharsets.US_ASCII));
    byte[] str = strings.toByteArray();

    ByteBuffer types = ByteBuffer.allocate(16 + 12 + 12).order(ByteOrder.nativeOrder());
    types.putInt(intName).putInt(1 << 24).putInt(4).putInt((1 << 24) | 32); // INT, signed, 32 bits
    types.putInt(0).putInt(13 << 24).putInt(1); // FUNC_PROTO, 0 params, returns [1]
    types.putInt(funcName).putInt((12 << 24) | 1).putInt(2); // FUNC, global linkage, proto [2]
    byte[] t = types.array();

    ByteBuffer all = ByteBuffer.allocate(24 + t.length + str.length).order(ByteOrder.nativeOrder());
    all.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24);
    all.putInt(0).putInt(t.length).putInt(t.length).putInt(str.length);
    all.put(t).put(str);
    return all.array();
  }
}
