package io.github.core4j.elf.bpf;

import io.github.core4j.elf.ElfFile;
import io.github.core4j.elf.ElfFormatException;
import io.github.core4j.elf.ElfSection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Decodes and encodes whole instruction sequences (a program section's contents). */
public final class BpfCode {
  private BpfCode() {}

  /**
   * The instruction slots of {@code section}; {@code ElfFormatException} when its size is not a
   * multiple of 8.
   */
  public static List<BpfInsn> decode(ElfFile elf, ElfSection section) {
    ByteBuffer data = elf.data(section);
    if (data.limit() % BpfInsn.SIZE != 0) {
      throw new ElfFormatException(
          elf.source(),
          section.describe(),
          section.offset(),
          "holds "
              + data.limit()
              + " bytes, which is not a whole number of 8-byte BPF instructions");
    }
    return decode(data, elf.byteOrder());
  }

  /** The slots in the buffer's remaining bytes (a trailing partial slot is ignored). */
  public static List<BpfInsn> decode(ByteBuffer code, ByteOrder order) {
    int base = code.position();
    int n = code.remaining() / BpfInsn.SIZE;
    List<BpfInsn> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(BpfInsn.decode(code, base + i * BpfInsn.SIZE, order));
    }
    return Collections.unmodifiableList(out);
  }

  /** The bytes of {@code insns} in byte order {@code order}. */
  public static byte[] encode(List<BpfInsn> insns, ByteOrder order) {
    ByteBuffer out = ByteBuffer.allocate(insns.size() * BpfInsn.SIZE);
    for (int i = 0; i < insns.size(); i++) {
      insns.get(i).encode(out, i * BpfInsn.SIZE, order);
    }
    return out.array();
  }
}
