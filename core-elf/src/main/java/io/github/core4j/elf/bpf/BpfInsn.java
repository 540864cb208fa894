package io.github.core4j.elf.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * One 8-byte BPF instruction slot: {@code opcode}, destination and source register nibbles, a
 * signed 16-bit offset and a signed 32-bit immediate. A 64-bit immediate load ({@code LD_IMM64})
 * takes two slots; the second has opcode 0 and carries the upper 32 bits in its {@code imm}.
 * Instruction indexes (jump offsets, relocation targets) count slots, as the kernel does.
 *
 * <p>In little-endian objects the register byte holds {@code dst} in its low nibble; in big-endian
 * objects {@code dst} is the high nibble. Multi-byte fields follow the byte order.
 *
 * @param opcode 0..255
 * @param dst destination register field, 0..15
 * @param src source register field, 0..15
 * @param off signed 16-bit offset, -32768..32767
 * @param imm signed 32-bit immediate
 */
public record BpfInsn(int opcode, int dst, int src, int off, int imm) {

  /** Size of one instruction slot in bytes. */
  public static final int SIZE = 8;

  /** The {@code LD_IMM64} opcode ({@code BPF_LD | BPF_IMM | BPF_DW}). */
  public static final int LD_IMM64 = 0x18;

  /** Checks the field ranges. */
  public BpfInsn {
    if (opcode < 0 || opcode > 0xff) {
      throw new IllegalArgumentException("opcode " + opcode + " is not a byte");
    }
    if (dst < 0 || dst > 15 || src < 0 || src > 15) {
      throw new IllegalArgumentException("register fields must be 0..15: " + dst + ", " + src);
    }
    if (off < Short.MIN_VALUE || off > Short.MAX_VALUE) {
      throw new IllegalArgumentException("off " + off + " is not a 16-bit value");
    }
  }

  /** Decodes the slot at byte {@code offset} of {@code buf} in byte order {@code order}. */
  public static BpfInsn decode(ByteBuffer buf, int offset, ByteOrder order) {
    int opcode = buf.get(offset) & 0xff;
    int regs = buf.get(offset + 1) & 0xff;
    int lo = regs & 0x0f;
    int hi = regs >>> 4;
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    int b2 = buf.get(offset + 2) & 0xff;
    int b3 = buf.get(offset + 3) & 0xff;
    short off = (short) (le ? (b3 << 8) | b2 : (b2 << 8) | b3);
    int imm = 0;
    for (int i = 0; i < 4; i++) {
      int b = buf.get(offset + 4 + (le ? 3 - i : i)) & 0xff;
      imm = (imm << 8) | b;
    }
    return le ? new BpfInsn(opcode, lo, hi, off, imm) : new BpfInsn(opcode, hi, lo, off, imm);
  }

  /** Decodes the 8 bytes at {@code offset} of {@code bytes}. */
  public static BpfInsn decode(byte[] bytes, int offset, ByteOrder order) {
    return decode(ByteBuffer.wrap(bytes), offset, order);
  }

  /** Writes this slot at byte {@code offset} of {@code buf} in byte order {@code order}. */
  public void encode(ByteBuffer buf, int offset, ByteOrder order) {
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    buf.put(offset, (byte) opcode);
    buf.put(offset + 1, (byte) (le ? (src << 4) | dst : (dst << 4) | src));
    buf.put(offset + 2, (byte) (le ? off : off >> 8));
    buf.put(offset + 3, (byte) (le ? off >> 8 : off));
    for (int i = 0; i < 4; i++) {
      int shift = le ? 8 * i : 8 * (3 - i);
      buf.put(offset + 4 + i, (byte) (imm >>> shift));
    }
  }

  /** Writes this slot at byte {@code offset} of {@code bytes} in byte order {@code order}. */
  public void encode(byte[] bytes, int offset, ByteOrder order) {
    encode(ByteBuffer.wrap(bytes), offset, order);
  }

  /** The 8 bytes of this slot in byte order {@code order}. */
  public byte[] toBytes(ByteOrder order) {
    byte[] out = new byte[SIZE];
    encode(ByteBuffer.wrap(out), 0, order);
    return out;
  }

  /** The two slots of {@code dst = value ll} with pseudo source {@code src}. */
  public static BpfInsn[] ldImm64(int dst, int src, long value) {
    return new BpfInsn[] {
      new BpfInsn(LD_IMM64, dst, src, 0, (int) value), new BpfInsn(0, 0, 0, 0, (int) (value >>> 32))
    };
  }

  /** The 64-bit immediate of an {@code LD_IMM64} whose second slot is {@code next}. */
  public long imm64(BpfInsn next) {
    return Integer.toUnsignedLong(imm) | ((long) next.imm << 32);
  }

  /** The instruction class. */
  public InsnClass insnClass() {
    return InsnClass.of(opcode);
  }

  /** The operand source bit (ALU and jump classes). */
  public Source source() {
    return Source.of(opcode);
  }

  /** The arithmetic operation (ALU classes), or null when the opcode names none. */
  public AluOp aluOp() {
    return AluOp.of(opcode);
  }

  /** The jump operation (jump classes), or null when the opcode names none. */
  public JmpOp jmpOp() {
    return JmpOp.of(opcode);
  }

  /** The access size (load and store classes). */
  public MemSize size() {
    return MemSize.of(opcode);
  }

  /** The addressing mode (load and store classes), or null when the opcode names none. */
  public @Nullable MemMode mode() {
    return MemMode.of(opcode);
  }

  /** Whether this is the first slot of a 64-bit immediate load. */
  public boolean isLdImm64() {
    return opcode == LD_IMM64;
  }

  /** Whether this is a call ({@code JMP | CALL}, helper, BPF function or kfunc). */
  public boolean isCall() {
    return opcode == 0x85;
  }

  /** Whether this is a BPF-to-BPF call ({@code CALL} with src 1). */
  public boolean isPseudoCall() {
    return isCall() && src == PseudoSource.CALL;
  }

  /** Whether this is a kfunc call ({@code CALL} with src 2). */
  public boolean isKfuncCall() {
    return isCall() && src == PseudoSource.KFUNC_CALL;
  }

  /** Whether this is {@code exit}. */
  public boolean isExit() {
    return opcode == 0x95;
  }

  /** A copy with {@code imm} replaced (relocation patches immediates). */
  public BpfInsn withImm(int newImm) {
    return new BpfInsn(opcode, dst, src, off, newImm);
  }

  /** A copy with {@code off} replaced. */
  public BpfInsn withOff(int newOff) {
    return new BpfInsn(opcode, dst, src, newOff, imm);
  }

  /** A copy with {@code src} replaced. */
  public BpfInsn withSrc(int newSrc) {
    return new BpfInsn(opcode, dst, newSrc, off, imm);
  }

  /** A copy with {@code opcode} replaced. */
  public BpfInsn withOpcode(int newOpcode) {
    return new BpfInsn(newOpcode, dst, src, off, imm);
  }
}
